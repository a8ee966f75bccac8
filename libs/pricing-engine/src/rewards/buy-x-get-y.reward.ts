import { selectConditionLines, selectLines } from '../conditions/line-filter';
import type { Frequency, GetValue, ItemSelector } from '../model/promotion';
import { BASIS_POINTS_PER_WHOLE } from '../money/percent';
import { mulDivHalfUp } from '../money/round-half-up';
import { type Errors, fail, fieldPath, isRecord, readAmount, readEnum, readInteger } from '../validation/issues';
import { parseItems } from '../validation/parse-filter';
import { readFrequency, readPercent } from '../validation/reward-fields';
import { type RewardContext, type RewardEffect, lineEffect, sortByUnitPrice, unitsValue, zeros } from './reward-context';
import type { RewardDefinition } from './reward-definition';

/** P2 buy X get Y (README rule 9): `get.quantity` units given for each `buy.quantity` bought. */
export interface BuyXGetY {
  readonly type: 'buyXgetY';
  readonly buy: { readonly quantity: number; readonly items: ItemSelector };
  readonly get: { readonly quantity: number; readonly items: ItemSelector; readonly value: GetValue };
  readonly pick: 'cheapest' | 'mostExpensive';
  readonly frequency: Frequency;
  /** README rule 16: with `unlimited`, at most this many rounds; null = no cap. */
  readonly maxRounds: number | null;
}

/**
 * P2 buy X get Y / BOGO (README rule 9): order the units matching `get.items` by `pick`;
 * the given units are the first `get.quantity` of them that still leave `buy.quantity`
 * units matching `buy.items`; the bought units are the most expensive of those remaining.
 * A round gives exactly `get.quantity` units or nothing, and a round that cannot ends the
 * reward. `unlimited` repeats on the units not yet used. Units bought are never also given.
 */
export function applyBuyXGetY(reward: BuyXGetY, ctx: RewardContext): RewardEffect {
  const lines = ctx.cart.lines;
  const available = lines.map((line) => line.quantity);
  // README rule 10: a line that is not discountable may still be bought (a condition line), never given.
  const buyIndexes = selectConditionLines(reward.buy.items, ctx.cart);
  const isBuy = lines.map(() => false);
  for (const index of buyIndexes) isBuy[index] = true;
  const getOrder = sortByUnitPrice(ctx, selectLines(reward.get.items, ctx.cart), reward.pick);
  const buyOrder = sortByUnitPrice(ctx, buyIndexes, 'mostExpensive');
  const given = zeros(ctx);
  // README rule 16: `once` is one round; `unlimited` stops after `maxRounds` rounds when it has one.
  const maxRounds = reward.frequency === 'once' ? 1 : (reward.maxRounds ?? Number.MAX_SAFE_INTEGER);

  for (let round = 0; round < maxRounds; round += 1) {
    let buyAvailable = 0;
    for (const index of buyOrder) buyAvailable += available[index] ?? 0;
    // Choose the given units, keeping enough buy units.
    const round = zeros(ctx);
    let toGive = reward.get.quantity;
    let buyUsedByGift = 0;
    for (const index of getOrder) {
      if (toGive === 0) break;
      let take = Math.min(toGive, available[index] ?? 0);
      if (isBuy[index] === true) take = Math.min(take, Math.max(0, buyAvailable - buyUsedByGift - reward.buy.quantity));
      if (take <= 0) continue;
      round[index] = (round[index] ?? 0) + take;
      toGive -= take;
      if (isBuy[index] === true) buyUsedByGift += take;
    }
    if (toGive > 0 || buyAvailable - buyUsedByGift < reward.buy.quantity) break;
    // Mark the given units and the bought ones (most expensive remaining buy units) as used.
    round.forEach((count, index) => {
      available[index] = (available[index] ?? 0) - count;
      given[index] = (given[index] ?? 0) + count;
    });
    let toBuy = reward.buy.quantity;
    for (const index of buyOrder) {
      if (toBuy === 0) break;
      const take = Math.min(toBuy, available[index] ?? 0);
      available[index] = (available[index] ?? 0) - take;
      toBuy -= take;
    }
  }

  const discounts = zeros(ctx);
  given.forEach((count, index) => {
    if (count === 0) return;
    const value = reward.get.value;
    const quantity = lines[index]?.quantity ?? 1;
    discounts[index] = value.kind === 'percent'
      ? mulDivHalfUp(ctx.base[index] ?? 0, count * value.basisPoints, quantity * BASIS_POINTS_PER_WHOLE)
      : Math.min(value.amount * count, unitsValue(ctx, index, count));
  });
  return lineEffect(discounts);
}

/** README rules 16 and 22: an integer ≥ 1, only with `frequency: "unlimited"`; null when absent. */
function readMaxRounds(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors, frequency: Frequency | undefined): number | null | undefined {
  if (obj['maxRounds'] === undefined || obj['maxRounds'] === null) return null;
  const maxRounds = readInteger(obj, 'maxRounds', path, errors, { min: 1 });
  if (maxRounds !== undefined && frequency === 'once') return fail(errors, fieldPath(path, 'maxRounds'), 'not_allowed', 'maxRounds caps the rounds of frequency "unlimited" only.');
  return maxRounds;
}

/** What a given unit gets off: `percent` or `amount`, 100% when neither is given. */
function readGetValue(get: Readonly<Record<string, unknown>>, getPath: string, errors: Errors): GetValue | undefined {
  const hasPercent = get['percent'] !== undefined && get['percent'] !== null;
  const hasAmount = get['amount'] !== undefined && get['amount'] !== null;
  if (hasPercent && hasAmount) {
    fail(errors, getPath, 'invalid_value', 'get takes either percent or amount, not both.');
    return undefined;
  }
  if (hasAmount) {
    const amount = readAmount(get, 'amount', getPath, errors);
    return amount === undefined ? undefined : { kind: 'amount', amount };
  }
  if (hasPercent) {
    const basisPoints = readPercent(get, 'percent', getPath, errors);
    return basisPoints === undefined ? undefined : { kind: 'percent', basisPoints };
  }
  return { kind: 'percent', basisPoints: 10_000 };
}

function parseBuyXGetY(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): BuyXGetY | undefined {
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
  const getValue = readGetValue(get, getPath, errors);
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

export const buyXGetYReward: RewardDefinition<BuyXGetY> = {
  type: 'buyXgetY',
  takesMaxRounds: true,
  parse: parseBuyXGetY,
  apply: applyBuyXGetY,
  amountFields: (reward, path) => (reward.get.value.kind === 'amount' ? [fieldPath(path, 'get.amount')] : []),
  shareParts: (reward, sharing) => ({
    ...reward,
    buy: { ...reward.buy, items: sharing.selector(reward.buy.items) },
    get: { ...reward.get, items: sharing.selector(reward.get.items) },
  }),
  givesBuyXGetY: () => true,
};
