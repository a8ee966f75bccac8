import type { FieldError } from '../api/api-error';
import { parseMoney } from '../format/money';
import { parseItemsText } from './items-text';
import type { ConditionDraft, PromotionDraft, RewardDraft } from './promotion-draft';

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

function rewardToWire(reward: RewardDraft, path: string, b: WireBuilder): Wire {
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

function conditionToWire(condition: ConditionDraft, path: string, b: WireBuilder): unknown {
  switch (condition.kind) {
    case 'none':
      return undefined;
    case 'subtotalAtLeast':
      return { subtotalAtLeast: b.money(condition.amount, `${path}.subtotalAtLeast`) };
    case 'quantityAtLeast':
      return { quantityAtLeast: { count: b.integer(condition.count, `${path}.quantityAtLeast.count`), items: b.items(condition.items, `${path}.quantityAtLeast.items`) } };
    case 'valueAtLeast':
      return { valueAtLeast: { amount: b.money(condition.amount, `${path}.valueAtLeast.amount`), items: b.items(condition.items, `${path}.valueAtLeast.items`) } };
    case 'json':
      return b.json(condition.json, path);
  }
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
  });
  const rules = draft.rules.map((rule, i) => definedOnly({ conditions: conditionToWire(rule.condition, `rules[${i}].conditions`, b), reward: rewardToWire(rule.reward, `rules[${i}].reward`, b) }));
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
