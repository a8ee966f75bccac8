/** The create/edit form's state: text as typed, turned into the engine's wire shape by `draftToWire`. */
import { REWARD_TYPES, type RewardType } from '@promo/pricing-engine';
import type { ConditionDraft } from './condition-draft';

/** Every reward kind of the engine, in its registry's order: the form offers each one the engine knows. */
export { REWARD_TYPES, type RewardType };

/** How the form names each reward kind; a kind the engine adds fails the console's typecheck until it is named here. */
export const REWARD_LABELS: Readonly<Record<RewardType, string>> = {
  orderPercent: 'Percent off the order',
  orderAmount: 'Amount off the order',
  itemsPercent: 'Percent off items',
  itemsAmount: 'Amount off items',
  linesAmount: 'Amount off each matching line',
  fixedOrderTotal: 'Discountable subtotal becomes',
  freeShipping: 'Free shipping',
  shippingAmount: 'Amount off shipping',
  shippingPercent: 'Percent off shipping',
  gift: 'Free gift',
  fixedPrice: 'Fixed price for a quantity',
  buyXgetY: 'Buy X get Y',
  tiered: 'Tiered',
};

export const STACKINGS = ['combinable', 'exclusive', 'rejectIfAutomatic', 'replaceIfBetter'] as const;
export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

export interface RewardDraft {
  readonly type: RewardType;
  readonly percent: string;
  readonly amount: string;
  readonly price: string;
  readonly quantity: string;
  readonly items: string;
  readonly applyTo: 'each' | 'spread' | 'cheapest' | 'mostExpensive';
  readonly applyCount: string;
  readonly maxQuantityPerLine: string;
  readonly zones: string;
  readonly methods: string;
  readonly sku: string;
  readonly productId: string;
  readonly frequency: 'once' | 'unlimited';
  readonly buyQuantity: string;
  readonly buyItems: string;
  readonly getQuantity: string;
  readonly getItems: string;
  readonly getValueKind: 'percent' | 'amount';
  readonly getValue: string;
  readonly pick: 'cheapest' | 'mostExpensive';
  readonly basis: 'subtotal' | 'quantity';
  readonly tiers: readonly TierDraft[];
  /** Version 2 (README rules 15, 16): the most the rule gives, major-unit text (empty: no cap); the most rounds of an unlimited buy X get Y. */
  readonly maxDiscount: string;
  readonly maxRounds: string;
}

export interface TierDraft {
  readonly atLeast: string;
  readonly reward: RewardDraft;
}

export interface RuleDraft {
  readonly condition: ConditionDraft;
  readonly reward: RewardDraft;
}

export interface PromotionDraft {
  readonly id: string;
  readonly name: string;
  readonly kind: 'automatic' | 'coupon';
  readonly codes: string;
  readonly priority: string;
  readonly stopAfter: boolean;
  readonly stacking: (typeof STACKINGS)[number];
  readonly rulesMode: 'all' | 'lastQualifying';
  readonly enabled: boolean;
  readonly currency: string;
  readonly channels: string;
  readonly customerGroupsInclude: string;
  readonly customerGroupsExclude: string;
  readonly segmentsInclude: string;
  readonly segmentsExclude: string;
  readonly countriesInclude: string;
  readonly countriesExclude: string;
  readonly firstPurchaseOnly: boolean;
  /** Version 2 (README rule 18): only these customers / markets; empty: any. */
  readonly customerIds: string;
  readonly markets: string;
  readonly scheduleStart: string;
  readonly scheduleEnd: string;
  /** Empty: the store's zone (P5). */
  readonly scheduleTimeZone: string;
  readonly recurring: boolean;
  readonly recurringWeekdays: readonly string[];
  readonly recurringFrom: string;
  readonly recurringTo: string;
  readonly recurringEveryNWeeks: string;
  readonly totalUses: string;
  readonly usesPerCode: string;
  readonly usesPerCustomer: string;
  readonly consumeUnit: 'cart' | 'item';
  /** #23, rule 19: the total discount budget in major-unit text of the promotion's currency; empty: none. */
  readonly budget: string;
  readonly rules: readonly RuleDraft[];
  /** The version read, sent as If-Match on save; null for a new promotion. */
  readonly version: number | null;
}

export function emptyReward(type: RewardType = 'orderPercent'): RewardDraft {
  return {
    type, percent: '', amount: '', price: '', quantity: '1', items: 'all', applyTo: 'each', applyCount: '1', maxQuantityPerLine: '',
    zones: '', methods: '', sku: '', productId: '', frequency: 'once', buyQuantity: '1', buyItems: 'all', getQuantity: '1', getItems: 'all',
    getValueKind: 'percent', getValue: '100', pick: 'cheapest', basis: 'subtotal', tiers: [], maxDiscount: '', maxRounds: '',
  };
}

/** No condition: the rule always applies. */
export function emptyCondition(): ConditionDraft {
  return null;
}

export function emptyDraft(currency: string): PromotionDraft {
  return {
    id: '', name: '', kind: 'automatic', codes: '', priority: '10', stopAfter: false, stacking: 'combinable', rulesMode: 'all', enabled: true,
    currency, channels: '', customerGroupsInclude: '', customerGroupsExclude: '', segmentsInclude: '', segmentsExclude: '',
    countriesInclude: '', countriesExclude: '', firstPurchaseOnly: false, customerIds: '', markets: '', scheduleStart: '', scheduleEnd: '', scheduleTimeZone: '',
    recurring: false, recurringWeekdays: [], recurringFrom: '00:00', recurringTo: '23:59', recurringEveryNWeeks: '1',
    totalUses: '', usesPerCode: '', usesPerCustomer: '', consumeUnit: 'cart', budget: '',
    rules: [{ condition: emptyCondition(), reward: emptyReward() }],
    version: null,
  };
}
