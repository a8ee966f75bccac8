import { assertNever } from '../assert-never';
import type { ApplyTo, Frequency, GetValue, Reward, Tier, TierReward } from '../model/promotion';
import { toBasisPoints } from '../money/percent';
import { parseItems } from './parse-filter';
import {
  type Errors,
  describeValue,
  fail,
  fieldPath,
  indexPath,
  isRecord,
  readAmount,
  readEnum,
  readInteger,
  readString,
  readStringList,
} from './issues';

export const REWARD_TYPES = [
  'orderPercent',
  'orderAmount',
  'itemsPercent',
  'itemsAmount',
  'linesAmount',
  'fixedOrderTotal',
  'freeShipping',
  'shippingAmount',
  'shippingPercent',
  'gift',
  'fixedPrice',
  'buyXgetY',
  'tiered',
] as const;

type RewardType = (typeof REWARD_TYPES)[number];

function rewardType(value: unknown): RewardType | undefined {
  return REWARD_TYPES.find((type) => type === value);
}

/** A percentage 0–100 with at most two decimals, as basis points. */
export function readPercent(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors): number | undefined {
  const value = obj[key];
  const field = fieldPath(path, key);
  if (value === undefined || value === null) return fail(errors, field, 'required', `${key} is required.`);
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(errors, field, 'invalid_type', `${key} must be a number, got ${describeValue(value)}.`);
  if (value < 0 || value > 100) return fail(errors, field, 'out_of_range', `${key} must be between 0 and 100, got ${value}.`);
  const basisPoints = toBasisPoints(value);
  if (basisPoints === null) return fail(errors, field, 'too_precise', `${key} may have at most two decimals, got ${value}.`);
  return basisPoints;
}

function readApplyTo(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): ApplyTo | undefined {
  const value = obj['applyTo'];
  const field = fieldPath(path, 'applyTo');
  if (value === undefined || value === null || value === 'each') return { kind: 'each' };
  if (value === 'spread') return { kind: 'spread' };
  if (isRecord(value)) {
    if ('cheapest' in value) {
      const count = readInteger(value, 'cheapest', field, errors, { min: 1 });
      return count === undefined ? undefined : { kind: 'cheapest', count };
    }
    if ('mostExpensive' in value) {
      const count = readInteger(value, 'mostExpensive', field, errors, { min: 1 });
      return count === undefined ? undefined : { kind: 'mostExpensive', count };
    }
  }
  return fail(errors, field, 'invalid_value', 'applyTo must be "each", "spread", {"cheapest": N} or {"mostExpensive": N}.');
}

function readZoneSet(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors): ReadonlySet<string> | null | undefined {
  if (obj[key] === undefined || obj[key] === null) return null;
  const list = readStringList(obj, key, path, errors);
  return list === undefined ? undefined : new Set(list);
}

function readFrequency(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): Frequency | undefined {
  return readEnum(obj, 'frequency', path, errors, ['once', 'unlimited'] as const, 'once');
}

function readMaxQuantity(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): number | null | undefined {
  if (obj['maxQuantityPerLine'] === undefined || obj['maxQuantityPerLine'] === null) return null;
  return readInteger(obj, 'maxQuantityPerLine', path, errors, { min: 1 });
}

/**
 * README rules 15 and 22: a parsed reward's `maxDiscount`, an integer ≥ 1 on any reward but `gift` and `tiered`
 * (a tier's reward may carry one); null when absent.
 */
export function readMaxDiscount(raw: unknown, reward: Reward, path: string, errors: Errors): number | null | undefined {
  if (!isRecord(raw) || raw['maxDiscount'] === undefined || raw['maxDiscount'] === null) return null;
  if (reward.type === 'gift' || reward.type === 'tiered') {
    return fail(errors, fieldPath(path, 'maxDiscount'), 'not_allowed', `maxDiscount caps a discount; a ${reward.type} reward takes none${reward.type === 'tiered' ? ' (a tier\'s reward may)' : ''}.`);
  }
  return readInteger(raw, 'maxDiscount', path, errors, { min: 1 });
}

/** A reward (P2) from its wire shape; `allowTiered` is false inside a tier. */
export function parseReward(value: unknown, path: string, errors: Errors, allowTiered = true): Reward | undefined {
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `A reward must be an object, got ${describeValue(value)}.`);
  const rawType = value['type'];
  if (rawType === undefined || rawType === null) return fail(errors, fieldPath(path, 'type'), 'required', 'type is required.');
  const type = rewardType(rawType);
  if (type === undefined || (type === 'tiered' && !allowTiered)) {
    return fail(errors, fieldPath(path, 'type'), 'unknown_type', `Unknown reward type ${JSON.stringify(rawType)}${type === 'tiered' ? ' inside a tier' : ''}.`);
  }
  if (type !== 'buyXgetY' && value['maxRounds'] !== undefined && value['maxRounds'] !== null) {
    return fail(errors, fieldPath(path, 'maxRounds'), 'not_allowed', 'maxRounds caps the rounds of a buyXgetY reward with frequency "unlimited" only.');
  }
  return parseRewardOfType(type, value, path, errors);
}

function parseRewardOfType(type: RewardType, obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): Reward | undefined {
  switch (type) {
    case 'orderPercent': {
      const basisPoints = readPercent(obj, 'percent', path, errors);
      return basisPoints === undefined ? undefined : { type, basisPoints };
    }
    case 'orderAmount': {
      const amount = readAmount(obj, 'amount', path, errors);
      return amount === undefined ? undefined : { type, amount };
    }
    case 'itemsPercent': {
      const basisPoints = readPercent(obj, 'percent', path, errors);
      const items = parseItems(obj['items'], fieldPath(path, 'items'), errors);
      const applyTo = readApplyTo(obj, path, errors);
      const maxQuantityPerLine = readMaxQuantity(obj, path, errors);
      const frequency = readFrequency(obj, path, errors);
      if (basisPoints === undefined || items === undefined || applyTo === undefined || maxQuantityPerLine === undefined || frequency === undefined) return undefined;
      return { type, basisPoints, items, applyTo, maxQuantityPerLine, frequency };
    }
    case 'itemsAmount': {
      const amount = readAmount(obj, 'amount', path, errors);
      const items = parseItems(obj['items'], fieldPath(path, 'items'), errors);
      const applyTo = readApplyTo(obj, path, errors);
      const maxQuantityPerLine = readMaxQuantity(obj, path, errors);
      const frequency = readFrequency(obj, path, errors);
      if (amount === undefined || items === undefined || applyTo === undefined || maxQuantityPerLine === undefined || frequency === undefined) return undefined;
      return { type, amount, items, applyTo, maxQuantityPerLine, frequency };
    }
    case 'linesAmount': {
      const amount = readInteger(obj, 'amount', path, errors, { min: 1 });
      const items = obj['items'] === undefined || obj['items'] === null
        ? fail(errors, fieldPath(path, 'items'), 'required', 'items is required: which lines the amount comes off.')
        : parseItems(obj['items'], fieldPath(path, 'items'), errors);
      if (amount === undefined || items === undefined) return undefined;
      return { type, amount, items };
    }
    case 'fixedOrderTotal': {
      const amount = readAmount(obj, 'amount', path, errors);
      return amount === undefined ? undefined : { type, amount };
    }
    case 'freeShipping': {
      const zones = readZoneSet(obj, 'zones', path, errors);
      const methods = readZoneSet(obj, 'methods', path, errors);
      if (zones === undefined || methods === undefined) return undefined;
      return { type, zones, methods };
    }
    case 'shippingAmount': {
      const amount = readAmount(obj, 'amount', path, errors);
      const zones = readZoneSet(obj, 'zones', path, errors);
      const methods = readZoneSet(obj, 'methods', path, errors);
      if (amount === undefined || zones === undefined || methods === undefined) return undefined;
      return { type, amount, zones, methods };
    }
    case 'shippingPercent': {
      const basisPoints = readPercent(obj, 'percent', path, errors);
      const zones = readZoneSet(obj, 'zones', path, errors);
      const methods = readZoneSet(obj, 'methods', path, errors);
      if (basisPoints === undefined || zones === undefined || methods === undefined) return undefined;
      return { type, basisPoints, zones, methods };
    }
    case 'gift': {
      const sku = readString(obj, 'sku', path, errors);
      const productId = readString(obj, 'productId', path, errors, { required: false }) ?? null;
      const quantity = obj['quantity'] === undefined ? 1 : readInteger(obj, 'quantity', path, errors, { min: 1 });
      const frequency = readFrequency(obj, path, errors);
      if (sku === undefined || quantity === undefined || frequency === undefined) return undefined;
      return { type, sku, productId, quantity, frequency };
    }
    case 'fixedPrice': {
      const quantity = readInteger(obj, 'quantity', path, errors, { min: 1 });
      const price = readAmount(obj, 'price', path, errors);
      const items = parseItems(obj['items'], fieldPath(path, 'items'), errors);
      const frequency = readFrequency(obj, path, errors);
      if (quantity === undefined || price === undefined || items === undefined || frequency === undefined) return undefined;
      return { type, quantity, price, items, frequency };
    }
    case 'buyXgetY':
      return parseBuyXGetY(obj, path, errors);
    case 'tiered':
      return parseTiered(obj, path, errors);
    default:
      return assertNever(type);
  }
}

/** README rules 16 and 22: an integer ≥ 1, only with `frequency: "unlimited"`; null when absent. */
function readMaxRounds(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors, frequency: Frequency | undefined): number | null | undefined {
  if (obj['maxRounds'] === undefined || obj['maxRounds'] === null) return null;
  const maxRounds = readInteger(obj, 'maxRounds', path, errors, { min: 1 });
  if (maxRounds !== undefined && frequency === 'once') return fail(errors, fieldPath(path, 'maxRounds'), 'not_allowed', 'maxRounds caps the rounds of frequency "unlimited" only.');
  return maxRounds;
}

function parseBuyXGetY(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): Reward | undefined {
  const buy = obj['buy'];
  const get = obj['get'];
  const buyPath = fieldPath(path, 'buy');
  const getPath = fieldPath(path, 'get');
  if (!isRecord(buy)) fail(errors, buyPath, 'required', 'buy must be {"quantity", "items"}.');
  if (!isRecord(get)) fail(errors, getPath, 'required', 'get must be {"quantity", "items", "percent" or "amount"}.');
  const pick = readEnum(obj, 'pick', path, errors, ['cheapest', 'mostExpensive'] as const, 'cheapest');
  const frequency = readFrequency(obj, path, errors);
  if (!isRecord(buy) || !isRecord(get)) return undefined;
  const buyQuantity = readInteger(buy, 'quantity', buyPath, errors, { min: 1 });
  const buyItems = parseItems(buy['items'], fieldPath(buyPath, 'items'), errors);
  const getQuantity = readInteger(get, 'quantity', getPath, errors, { min: 1 });
  const getItems = parseItems(get['items'], fieldPath(getPath, 'items'), errors);
  let getValue: GetValue | undefined;
  const hasPercent = get['percent'] !== undefined && get['percent'] !== null;
  const hasAmount = get['amount'] !== undefined && get['amount'] !== null;
  if (hasPercent && hasAmount) {
    fail(errors, getPath, 'invalid_value', 'get takes either percent or amount, not both.');
  } else if (hasAmount) {
    const amount = readAmount(get, 'amount', getPath, errors);
    if (amount !== undefined) getValue = { kind: 'amount', amount };
  } else if (hasPercent) {
    const basisPoints = readPercent(get, 'percent', getPath, errors);
    if (basisPoints !== undefined) getValue = { kind: 'percent', basisPoints };
  } else {
    getValue = { kind: 'percent', basisPoints: 10_000 };
  }
  const maxRounds = readMaxRounds(obj, path, errors, frequency);
  if (
    buyQuantity === undefined || buyItems === undefined || getQuantity === undefined || getItems === undefined ||
    getValue === undefined || pick === undefined || frequency === undefined || maxRounds === undefined
  ) {
    return undefined;
  }
  return {
    type: 'buyXgetY',
    buy: { quantity: buyQuantity, items: buyItems },
    get: { quantity: getQuantity, items: getItems, value: getValue },
    pick,
    frequency,
    maxRounds,
  };
}

function parseTiered(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): Reward | undefined {
  const basis = readEnum(obj, 'basis', path, errors, ['subtotal', 'quantity'] as const, 'subtotal');
  const rawTiers = obj['tiers'];
  const tiersPath = fieldPath(path, 'tiers');
  if (!Array.isArray(rawTiers) || rawTiers.length === 0) return fail(errors, tiersPath, 'required', 'tiers must be a non-empty array.');
  const tiers: Tier[] = [];
  let ok = true;
  rawTiers.forEach((raw: unknown, i: number) => {
    const tierPath = indexPath(tiersPath, i);
    if (!isRecord(raw)) {
      ok = false;
      fail(errors, tierPath, 'invalid_type', 'A tier must be {"atLeast", "reward"}.');
      return;
    }
    const atLeast = readInteger(raw, 'atLeast', tierPath, errors, { min: 0 });
    const reward = parseReward(raw['reward'], fieldPath(tierPath, 'reward'), errors, false);
    const maxDiscount = reward === undefined ? undefined : readMaxDiscount(raw['reward'], reward, fieldPath(tierPath, 'reward'), errors);
    if (atLeast === undefined || reward === undefined || reward.type === 'tiered' || maxDiscount === undefined) ok = false;
    else tiers.push({ atLeast, reward: asTierReward(reward), maxDiscount });
  });
  if (!ok || basis === undefined) return undefined;
  return { type: 'tiered', basis, tiers };
}

function asTierReward(reward: Exclude<Reward, { type: 'tiered' }>): TierReward {
  return reward;
}

/** Paths of amount-based fields of a reward (P4: not allowed with currency "any"). */
export function amountFieldsOfReward(reward: Reward, path: string): string[] {
  switch (reward.type) {
    case 'orderAmount':
    case 'itemsAmount':
    case 'shippingAmount':
      return [fieldPath(path, 'amount')];
    case 'fixedPrice':
      return [fieldPath(path, 'price')];
    case 'buyXgetY':
      return reward.get.value.kind === 'amount' ? [fieldPath(path, 'get.amount')] : [];
    case 'tiered':
      return [
        ...(reward.basis === 'subtotal' ? [fieldPath(path, 'basis')] : []),
        ...reward.tiers.flatMap((tier, i) => amountFieldsOfReward(tier.reward, fieldPath(indexPath(fieldPath(path, 'tiers'), i), 'reward'))),
      ];
    // Version 2 amounts are refused with a reason of their own (version-2-amounts.ts).
    case 'linesAmount':
    case 'fixedOrderTotal':
    case 'orderPercent':
    case 'itemsPercent':
    case 'freeShipping':
    case 'shippingPercent':
    case 'gift':
      return [];
    default:
      return assertNever(reward);
  }
}
