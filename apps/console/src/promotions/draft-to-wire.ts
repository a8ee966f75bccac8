import type { FieldError } from '../api/api-error';
import { parseMoney } from '../format/money';
import {
  type ConditionDraft, type ConditionNode, type FilterDraft, type ItemsDraft, LEAF_SHAPES, LIST_FILTER_KEYS, NAMED_FILTER_KEYS,
} from './condition-draft';
import { parseItemsText } from './items-text';
import type { PromotionDraft, RewardDraft } from './promotion-draft';

type Wire = Record<string, unknown>;

/** Turns typed text into wire values, collecting errors under the API's own field paths. */
class WireBuilder {
  readonly errors: FieldError[] = [];

  constructor(private readonly currency: string) {}

  money(text: string, field: string): number | undefined {
    const value = parseMoney(text, this.currency);
    if (value === null) this.errors.push({ field, reason: 'invalid_amount', detail: `Enter an amount in ${this.currency}, like 12.50.` });
    return value ?? undefined;
  }

  integer(text: string, field: string, optional = false): number | undefined {
    if (optional && text.trim() === '') return undefined;
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isSafeInteger(value)) {
      this.errors.push({ field, reason: 'invalid_integer', detail: 'Enter a whole number.' });
      return undefined;
    }
    return value;
  }

  percent(text: string, field: string): number | undefined {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value)) {
      this.errors.push({ field, reason: 'invalid_percent', detail: 'Enter a percentage, like 12.5.' });
      return undefined;
    }
    return value;
  }

  items(text: string, field: string): unknown {
    const parsed = parseItemsText(text);
    if (!parsed.ok) this.errors.push({ field, reason: 'invalid_items', detail: parsed.detail });
    return parsed.ok ? parsed.value : undefined;
  }

  json(text: string, field: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      this.errors.push({ field, reason: 'invalid_json', detail: 'This JSON does not parse.' });
      return undefined;
    }
  }
}

export function listOf(text: string): string[] {
  return text.split(/[,\n]/).map((v) => v.trim()).filter((v) => v !== '');
}

function zonesOf(text: string): string[] | null {
  const list = listOf(text);
  return list.length === 0 ? null : list;
}

/** `once` is the default of item rewards, so only `unlimited` is sent (a stored rule reads back unchanged). */
function itemsFrequency(reward: RewardDraft): Wire {
  return reward.frequency === 'unlimited' ? { frequency: 'unlimited' } : {};
}

/** The reward with its Version 2 caps (README rules 15, 16): `maxDiscount` where the engine takes one, `maxRounds` on buy X get Y. */
function rewardToWire(reward: RewardDraft, path: string, b: WireBuilder): Wire {
  const at = (field: string) => `${path}.${field}`;
  const hasCap = reward.type !== 'gift' && reward.type !== 'tiered' && reward.maxDiscount.trim() !== '';
  const hasRounds = reward.type === 'buyXgetY' && reward.maxRounds.trim() !== '';
  return definedOnly({
    ...baseRewardToWire(reward, path, b),
    maxDiscount: hasCap ? b.money(reward.maxDiscount, at('maxDiscount')) : undefined,
    maxRounds: hasRounds ? b.integer(reward.maxRounds, at('maxRounds')) : undefined,
  });
}

function baseRewardToWire(reward: RewardDraft, path: string, b: WireBuilder): Wire {
  const at = (field: string) => `${path}.${field}`;
  const applyTo = reward.applyTo === 'each' || reward.applyTo === 'spread' ? reward.applyTo : { [reward.applyTo]: b.integer(reward.applyCount, at('applyTo')) };
  switch (reward.type) {
    case 'orderPercent':
      return { type: reward.type, percent: b.percent(reward.percent, at('percent')) };
    case 'orderAmount':
      return { type: reward.type, amount: b.money(reward.amount, at('amount')) };
    case 'itemsPercent':
      return { type: reward.type, percent: b.percent(reward.percent, at('percent')), items: b.items(reward.items, at('items')), applyTo, maxQuantityPerLine: b.integer(reward.maxQuantityPerLine, at('maxQuantityPerLine'), true) ?? null, ...itemsFrequency(reward) };
    case 'itemsAmount':
      return { type: reward.type, amount: b.money(reward.amount, at('amount')), items: b.items(reward.items, at('items')), applyTo, maxQuantityPerLine: b.integer(reward.maxQuantityPerLine, at('maxQuantityPerLine'), true) ?? null, ...itemsFrequency(reward) };
    case 'linesAmount':
      return { type: reward.type, amount: b.money(reward.amount, at('amount')), items: b.items(reward.items, at('items')) };
    case 'fixedOrderTotal':
      return { type: reward.type, amount: b.money(reward.amount, at('amount')) };
    case 'freeShipping':
      return { type: reward.type, zones: zonesOf(reward.zones), methods: zonesOf(reward.methods) };
    case 'shippingAmount':
      return { type: reward.type, amount: b.money(reward.amount, at('amount')), zones: zonesOf(reward.zones), methods: zonesOf(reward.methods) };
    case 'shippingPercent':
      return { type: reward.type, percent: b.percent(reward.percent, at('percent')), zones: zonesOf(reward.zones), methods: zonesOf(reward.methods) };
    case 'gift':
      return { type: reward.type, sku: reward.sku, ...(reward.productId === '' ? {} : { productId: reward.productId }), quantity: b.integer(reward.quantity, at('quantity')), frequency: reward.frequency };
    case 'fixedPrice':
      return { type: reward.type, quantity: b.integer(reward.quantity, at('quantity')), price: b.money(reward.price, at('price')), items: b.items(reward.items, at('items')), frequency: reward.frequency };
    case 'buyXgetY': {
      const value = reward.getValueKind === 'percent' ? { percent: b.percent(reward.getValue, at('get.percent')) } : { amount: b.money(reward.getValue, at('get.amount')) };
      return {
        type: reward.type,
        buy: { quantity: b.integer(reward.buyQuantity, at('buy.quantity')), items: b.items(reward.buyItems, at('buy.items')) },
        get: { quantity: b.integer(reward.getQuantity, at('get.quantity')), items: b.items(reward.getItems, at('get.items')), ...value },
        pick: reward.pick,
        frequency: reward.frequency,
      };
    }
    case 'tiered':
      return {
        type: reward.type,
        basis: reward.basis,
        tiers: reward.tiers.map((tier, i) => {
          const tierPath = `${path}.tiers[${i}]`;
          const atLeast = reward.basis === 'subtotal' ? b.money(tier.atLeast, `${tierPath}.atLeast`) : b.integer(tier.atLeast, `${tierPath}.atLeast`);
          return { atLeast, reward: rewardToWire(tier.reward, `${tierPath}.reward`, b) };
        }),
      };
  }
}

/** One filter of the pickers (P3): each non-empty part as its wire key; undefined when every part is empty. */
function filterToWire(filter: FilterDraft, path: string, b: WireBuilder): Wire | undefined {
  const wire: Record<string, unknown> = {};
  for (const key of LIST_FILTER_KEYS) if (filter.lists[key].length > 0) wire[key] = [...filter.lists[key]];
  for (const key of NAMED_FILTER_KEYS) {
    const named = filter.named[key];
    if (named.name !== '' || named.values.length > 0) wire[key] = { name: named.name, in: [...named.values] };
  }
  if (filter.onSale !== '') wire['onSale'] = filter.onSale === 'true';
  if (filter.unitPriceMin.trim() !== '' || filter.unitPriceMax.trim() !== '') {
    wire['unitPrice'] = definedOnly({
      min: filter.unitPriceMin.trim() === '' ? undefined : b.money(filter.unitPriceMin, `${path}.unitPrice.min`),
      max: filter.unitPriceMax.trim() === '' ? undefined : b.money(filter.unitPriceMax, `${path}.unitPrice.max`),
    });
  }
  return Object.keys(wire).length === 0 ? undefined : wire;
}

/** A condition's items: absent when nothing is picked (every item), the bare filter when read that way, else include/exclude. */
function itemsToWire(items: ItemsDraft, path: string, b: WireBuilder): unknown {
  if (items.json !== null) return b.json(items.json, path);
  const include = filterToWire(items.include, items.bare ? path : `${path}.include`, b);
  const exclude = filterToWire(items.exclude, `${path}.exclude`, b);
  if (include === undefined && exclude === undefined) return undefined;
  if (items.bare && exclude === undefined) return include;
  return definedOnly({ include, exclude });
}

/** A block of the builder as the engine's condition, its fields under the paths the API names in a 400. */
function conditionNodeToWire(node: ConditionNode, path: string, b: WireBuilder): unknown {
  switch (node.type) {
    case 'group':
      return { [node.operator]: node.children.map((child, i) => conditionNodeToWire(child, `${path}.${node.operator}[${i}]`, b)) };
    case 'not':
      return { not: conditionNodeToWire(node.child, `${path}.not`, b) };
    case 'json':
      return b.json(node.json, path);
    case 'leaf': {
      const shape = LEAF_SHAPES[node.kind];
      const valuePath = shape.valueKey === null ? `${path}.${node.kind}` : `${path}.${node.kind}.${shape.valueKey}`;
      const value = shape.money ? b.money(node.value, valuePath) : b.integer(node.value, valuePath);
      if (shape.valueKey === null) return { [node.kind]: value };
      return { [node.kind]: definedOnly({ [shape.valueKey]: value, items: shape.hasItems ? itemsToWire(node.items, `${path}.${node.kind}.items`, b) : undefined }) };
    }
  }
}

function conditionDraftToWire(condition: ConditionDraft, path: string, b: WireBuilder): unknown {
  return condition === null ? undefined : conditionNodeToWire(condition, path, b);
}

/** A rule's condition as the engine's JSON (undefined: none), with the errors of what does not convert; amounts in `currency`. */
export function conditionToWire(condition: ConditionDraft, path: string, currency: string): { readonly value: unknown; readonly errors: readonly FieldError[] } {
  const b = new WireBuilder(currency);
  return { value: conditionDraftToWire(condition, path, b), errors: b.errors };
}

/** A condition's items as the engine's JSON (undefined: every item), with the errors of what does not convert; amounts in `currency`. */
export function itemsDraftToWire(items: ItemsDraft, path: string, currency: string): { readonly value: unknown; readonly errors: readonly FieldError[] } {
  const b = new WireBuilder(currency);
  return { value: itemsToWire(items, path, b), errors: b.errors };
}

function includeExclude(include: string, exclude: string): Wire | undefined {
  const inc = listOf(include);
  const exc = listOf(exclude);
  return inc.length === 0 && exc.length === 0 ? undefined : { include: inc, exclude: exc };
}

function withSeconds(local: string): string {
  return /T\d{2}:\d{2}$/.test(local) ? `${local}:00` : local;
}

function definedOnly(record: Wire): Wire {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** The promotion as POST/PUT /v1/promotions takes it, plus the errors found before sending. */
export function draftToWire(draft: PromotionDraft): { readonly body: Wire; readonly errors: readonly FieldError[] } {
  const currency = draft.currency === '' || draft.currency === 'any' ? 'USD' : draft.currency;
  const b = new WireBuilder(currency);
  const targeting = definedOnly({
    channels: listOf(draft.channels).length === 0 ? undefined : listOf(draft.channels),
    currency: draft.currency === '' ? undefined : draft.currency,
    customerGroups: includeExclude(draft.customerGroupsInclude, draft.customerGroupsExclude),
    segments: includeExclude(draft.segmentsInclude, draft.segmentsExclude),
    countries: includeExclude(draft.countriesInclude, draft.countriesExclude),
    firstPurchaseOnly: draft.firstPurchaseOnly || undefined,
    customerIds: listOf(draft.customerIds).length === 0 ? undefined : listOf(draft.customerIds),
    markets: listOf(draft.markets).length === 0 ? undefined : listOf(draft.markets),
  });
  const recurring = draft.recurring
    ? { everyNWeeks: b.integer(draft.recurringEveryNWeeks, 'schedule.recurring.everyNWeeks'), weekdays: draft.recurringWeekdays, from: draft.recurringFrom, to: draft.recurringTo }
    : undefined;
  const schedule = definedOnly({
    start: draft.scheduleStart === '' ? undefined : withSeconds(draft.scheduleStart),
    end: draft.scheduleEnd === '' ? undefined : withSeconds(draft.scheduleEnd),
    timeZone: draft.scheduleTimeZone === '' ? undefined : draft.scheduleTimeZone,
    recurring,
  });
  const limits = definedOnly({
    totalUses: b.integer(draft.totalUses, 'limits.totalUses', true),
    usesPerCode: b.integer(draft.usesPerCode, 'limits.usesPerCode', true),
    usesPerCustomer: b.integer(draft.usesPerCustomer, 'limits.usesPerCustomer', true),
    consumeUnit: draft.consumeUnit === 'cart' ? undefined : draft.consumeUnit,
    budget: draft.budget.trim() === '' ? undefined : b.money(draft.budget, 'limits.budget'),
  });
  const rules = draft.rules.map((rule, i) => definedOnly({ conditions: conditionDraftToWire(rule.condition, `rules[${i}].conditions`, b), reward: rewardToWire(rule.reward, `rules[${i}].reward`, b) }));
  const body = definedOnly({
    id: draft.id.trim(),
    name: draft.name.trim() === '' ? undefined : draft.name.trim(),
    kind: draft.kind,
    ...(draft.kind === 'automatic' ? { priority: b.integer(draft.priority, 'priority'), stopAfter: draft.stopAfter } : { codes: listOf(draft.codes) }),
    stacking: draft.stacking,
    rulesMode: draft.rulesMode === 'all' ? undefined : draft.rulesMode,
    enabled: draft.enabled,
    targeting: Object.keys(targeting).length === 0 ? undefined : targeting,
    schedule: Object.keys(schedule).length === 0 ? undefined : schedule,
    limits: Object.keys(limits).length === 0 ? undefined : limits,
    rules,
  });
  return { body, errors: b.errors };
}
