import { toDecimalText, exponentOf } from '../format/money';
import {
  type ConditionDraft, type ConditionNode, type FilterDraft, type ItemsDraft, LEAF_KINDS, LEAF_SHAPES, LIST_FILTER_KEYS, type LeafKind,
  NAMED_FILTER_KEYS, type NamedValues, emptyFilter, emptyItems,
} from './condition-draft';
import { conditionToWire, itemsDraftToWire } from './draft-to-wire';
import { itemsToText } from './items-text';
import { jsonEqual } from './json-equal';
import { type PromotionDraft, REWARD_TYPES, type RewardDraft, type RuleDraft, STACKINGS, emptyDraft, emptyReward } from './promotion-draft';

type Wire = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Wire {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : '';
}

/** Reads a promotion as the admin API returns it back into the form (amounts as major-unit text). */
export class WireReader {
  private readonly exponent: number;

  constructor(private readonly currency: string) {
    this.exponent = exponentOf(currency);
  }

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

  /**
   * A rule's condition as blocks. Exact: a part the blocks would send back differently (several keys in one object,
   * a filter of rules 17/22, an amount with more decimals than the currency) stays the engine's JSON in its place.
   */
  condition(value: unknown): ConditionDraft {
    return value === undefined ? null : this.node(value);
  }

  private node(value: unknown): ConditionNode {
    const asJson: ConditionNode = { type: 'json', json: JSON.stringify(value, null, 2) };
    if (!isRecord(value) || Object.keys(value).length !== 1) return asJson;
    const [key] = Object.keys(value);
    const inner = key === undefined ? undefined : value[key];
    if ((key === 'all' || key === 'any') && Array.isArray(inner)) return { type: 'group', operator: key, children: inner.map((child: unknown) => this.node(child)) };
    if (key === 'not') return { type: 'not', child: this.node(inner) };
    const kind = LEAF_KINDS.find((k) => k === key);
    const leaf = kind === undefined ? null : this.leaf(kind, inner);
    if (leaf === null) return asJson;
    const back = conditionToWire(leaf, 'conditions', this.currency);
    return back.errors.length === 0 && jsonEqual(back.value, value) ? leaf : asJson;
  }

  private leaf(kind: LeafKind, inner: unknown): ConditionNode | null {
    const shape = LEAF_SHAPES[kind];
    const valueText = (v: unknown) => (typeof v !== 'number' ? '' : shape.money ? this.money(v) : String(v));
    if (shape.valueKey === null) return { type: 'leaf', kind, value: valueText(inner), items: emptyItems() };
    if (!isRecord(inner)) return null;
    return { type: 'leaf', kind, value: valueText(inner[shape.valueKey]), items: shape.hasItems ? this.items(inner['items']) : emptyItems() };
  }

  /** Items as include/exclude pickers, or the engine's JSON when the pickers would send them back differently. */
  items(value: unknown): ItemsDraft {
    if (value === undefined) return emptyItems();
    const asJson: ItemsDraft = { ...emptyItems(), json: JSON.stringify(value) };
    const draft = this.itemsPickers(value);
    if (draft === null) return asJson;
    const back = itemsDraftToWire(draft, 'items', this.currency);
    return back.errors.length === 0 && jsonEqual(back.value, value) ? draft : asJson;
  }

  private itemsPickers(value: unknown): ItemsDraft | null {
    if (!isRecord(value)) return null;
    if (!('include' in value) && !('exclude' in value)) {
      const include = this.filter(value);
      return include === null ? null : { ...emptyItems(), bare: true, include };
    }
    if (Object.keys(value).some((key) => key !== 'include' && key !== 'exclude')) return null;
    const include = value['include'] === undefined ? emptyFilter() : this.filter(value['include']);
    const exclude = value['exclude'] === undefined ? emptyFilter() : this.filter(value['exclude']);
    return include === null || exclude === null ? null : { ...emptyItems(), include, exclude };
  }

  private filter(value: unknown): FilterDraft | null {
    if (!isRecord(value)) return null;
    const lists: Record<string, readonly string[]> = { ...emptyFilter().lists };
    const named: Record<string, NamedValues> = { ...emptyFilter().named };
    let draft = emptyFilter();
    for (const [key, part] of Object.entries(value)) {
      const listKey = LIST_FILTER_KEYS.find((k) => k === key);
      const namedKey = NAMED_FILTER_KEYS.find((k) => k === key);
      if (listKey !== undefined && isStringList(part)) lists[listKey] = part;
      else if (namedKey !== undefined && isRecord(part) && typeof part['name'] === 'string' && isStringList(part['in'])) named[namedKey] = { name: part['name'], values: part['in'] };
      else if (key === 'onSale' && typeof part === 'boolean') draft = { ...draft, onSale: part ? 'true' : 'false' };
      else if (key === 'unitPrice' && isRecord(part)) draft = { ...draft, unitPriceMin: this.money(part['min']), unitPriceMax: this.money(part['max']) };
      else return null;
    }
    return { ...draft, lists: { ...emptyFilter().lists, ...lists }, named: { ...emptyFilter().named, ...named } };
  }
}

function wallTime(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 16) : '';
}

/** The form for an existing promotion. */
export function wireToDraft(view: Wire): PromotionDraft {
  const targeting = isRecord(view['targeting']) ? view['targeting'] : {};
  const currency = text(targeting['currency']);
  const reader = new WireReader(currency === '' || currency === 'any' ? 'USD' : currency);
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
