import { toDecimalText, exponentOf } from '../format/money';
import { itemsToText } from './items-text';
import {
  type ConditionDraft, type PromotionDraft, REWARD_TYPES, type RewardDraft, type RuleDraft, STACKINGS, emptyCondition, emptyDraft, emptyReward,
} from './promotion-draft';

type Wire = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Wire {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : '';
}

/** Reads a promotion as the admin API returns it back into the form (amounts as major-unit text). */
export class WireReader {
  constructor(private readonly exponent: number) {}

  money(value: unknown): string {
    return typeof value === 'number' ? toDecimalText(value, this.exponent) : '';
  }

  reward(value: unknown): RewardDraft {
    if (!isRecord(value)) return emptyReward();
    const type = REWARD_TYPES.find((t) => t === value['type']) ?? 'orderPercent';
    const base = emptyReward(type);
    const applyTo = value['applyTo'];
    const buy = isRecord(value['buy']) ? value['buy'] : {};
    const get = isRecord(value['get']) ? value['get'] : {};
    return {
      ...base,
      percent: text(value['percent']),
      amount: this.money(value['amount']),
      price: this.money(value['price']),
      quantity: text(value['quantity'] ?? 1),
      items: itemsToText(value['items']),
      applyTo: isRecord(applyTo) ? ('cheapest' in applyTo ? 'cheapest' : 'mostExpensive') : applyTo === 'spread' ? 'spread' : 'each',
      applyCount: isRecord(applyTo) ? text(applyTo['cheapest'] ?? applyTo['mostExpensive']) : '1',
      maxQuantityPerLine: text(value['maxQuantityPerLine']),
      zones: list(value['zones']),
      methods: list(value['methods']),
      sku: text(value['sku']),
      productId: text(value['productId']),
      frequency: value['frequency'] === 'unlimited' ? 'unlimited' : 'once',
      buyQuantity: text(buy['quantity'] ?? 1),
      buyItems: itemsToText(buy['items']),
      getQuantity: text(get['quantity'] ?? 1),
      getItems: itemsToText(get['items']),
      getValueKind: get['amount'] === undefined || get['amount'] === null ? 'percent' : 'amount',
      getValue: get['amount'] === undefined || get['amount'] === null ? text(get['percent'] ?? 100) : this.money(get['amount']),
      pick: value['pick'] === 'mostExpensive' ? 'mostExpensive' : 'cheapest',
      basis: value['basis'] === 'quantity' ? 'quantity' : 'subtotal',
      maxDiscount: this.money(value['maxDiscount']),
      maxRounds: text(value['maxRounds']),
      tiers: Array.isArray(value['tiers'])
        ? value['tiers'].filter(isRecord).map((tier) => ({
            atLeast: value['basis'] === 'quantity' ? text(tier['atLeast']) : this.money(tier['atLeast']),
            reward: this.reward(tier['reward']),
          }))
        : [],
    };
  }

  condition(value: unknown): ConditionDraft {
    if (value === undefined || value === null) return emptyCondition();
    if (isRecord(value) && Object.keys(value).length === 1) {
      if (typeof value['subtotalAtLeast'] === 'number') return { ...emptyCondition(), kind: 'subtotalAtLeast', amount: this.money(value['subtotalAtLeast']) };
      const quantity = value['quantityAtLeast'];
      if (isRecord(quantity)) return { ...emptyCondition(), kind: 'quantityAtLeast', count: text(quantity['count']), items: itemsToText(quantity['items']) };
      const valueAtLeast = value['valueAtLeast'];
      if (isRecord(valueAtLeast)) return { ...emptyCondition(), kind: 'valueAtLeast', amount: this.money(valueAtLeast['amount']), items: itemsToText(valueAtLeast['items']) };
    }
    return { ...emptyCondition(), kind: 'json', json: JSON.stringify(value, null, 2) };
  }
}

function wallTime(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 16) : '';
}

/** The form for an existing promotion. */
export function wireToDraft(view: Wire): PromotionDraft {
  const targeting = isRecord(view['targeting']) ? view['targeting'] : {};
  const currency = text(targeting['currency']);
  const reader = new WireReader(exponentOf(currency === '' || currency === 'any' ? 'USD' : currency));
  const schedule = isRecord(view['schedule']) ? view['schedule'] : {};
  const recurring = isRecord(schedule['recurring']) ? schedule['recurring'] : null;
  const limits = isRecord(view['limits']) ? view['limits'] : {};
  const side = (key: string, part: 'include' | 'exclude') => (isRecord(targeting[key]) ? list((targeting[key] as Wire)[part]) : '');
  const rules: RuleDraft[] = Array.isArray(view['rules'])
    ? view['rules'].filter(isRecord).map((rule) => ({ condition: reader.condition(rule['conditions']), reward: reader.reward(rule['reward']) }))
    : [];
  return {
    ...emptyDraft(currency),
    id: text(view['id']),
    name: text(view['name']),
    kind: view['kind'] === 'coupon' ? 'coupon' : 'automatic',
    codes: list(view['codes']),
    priority: text(view['priority'] ?? 0),
    stopAfter: view['stopAfter'] === true,
    stacking: STACKINGS.find((s) => s === view['stacking']) ?? 'combinable',
    rulesMode: view['rulesMode'] === 'lastQualifying' ? 'lastQualifying' : 'all',
    enabled: view['enabled'] !== false,
    channels: list(targeting['channels']),
    customerGroupsInclude: side('customerGroups', 'include'),
    customerGroupsExclude: side('customerGroups', 'exclude'),
    segmentsInclude: side('segments', 'include'),
    segmentsExclude: side('segments', 'exclude'),
    countriesInclude: side('countries', 'include'),
    countriesExclude: side('countries', 'exclude'),
    firstPurchaseOnly: targeting['firstPurchaseOnly'] === true,
    customerIds: list(targeting['customerIds']),
    markets: list(targeting['markets']),
    scheduleStart: wallTime(schedule['start']),
    scheduleEnd: wallTime(schedule['end']),
    scheduleTimeZone: text(schedule['timeZone']),
    recurring: recurring !== null,
    recurringWeekdays: recurring !== null && Array.isArray(recurring['weekdays']) ? recurring['weekdays'].filter((d) => typeof d === 'string').map((d) => d.toUpperCase()) : [],
    recurringFrom: recurring === null ? '00:00' : text(recurring['from'] ?? '00:00'),
    recurringTo: recurring === null ? '23:59' : text(recurring['to'] ?? '24:00'),
    recurringEveryNWeeks: recurring === null ? '1' : text(recurring['everyNWeeks'] ?? 1),
    totalUses: text(limits['totalUses']),
    usesPerCode: text(limits['usesPerCode']),
    usesPerCustomer: text(limits['usesPerCustomer']),
    consumeUnit: limits['consumeUnit'] === 'item' ? 'item' : 'cart',
    budget: reader.money(limits['budget']),
    rules: rules.length === 0 ? emptyDraft(currency).rules : rules,
    version: typeof view['version'] === 'number' ? view['version'] : null,
  };
}
