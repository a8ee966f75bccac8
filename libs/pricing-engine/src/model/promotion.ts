import type { Condition } from '../conditions/condition-registry';
import type { CurrencyCode } from '../money/currencies';
import type { Reward } from '../rewards/reward-registry';
import type { PromotionId } from './ids';

/** Which lines a filter selects (P3); the wire shape is `{"category": [..]}` and friends. */
export type Filter =
  | { readonly kind: 'anyItem'; readonly value: boolean }
  | { readonly kind: 'product'; readonly values: ReadonlySet<string> }
  | { readonly kind: 'sku'; readonly values: ReadonlySet<string> }
  | { readonly kind: 'variant'; readonly values: ReadonlySet<string> }
  | { readonly kind: 'category'; readonly values: ReadonlySet<string> }
  | { readonly kind: 'brand'; readonly values: ReadonlySet<string> }
  | { readonly kind: 'customField'; readonly name: string; readonly values: ReadonlySet<string> }
  | { readonly kind: 'option'; readonly name: string; readonly values: ReadonlySet<string> }
  | { readonly kind: 'onSale'; readonly value: boolean }
  /** README rule 17: the unit price as given (gross under rule 11) within the bounds, both inclusive; null = unbounded. */
  | { readonly kind: 'unitPrice'; readonly min: number | null; readonly max: number | null }
  /** README rule 17: a custom field that is a JSON number meeting every comparison given. */
  | { readonly kind: 'customFieldNumber'; readonly name: string; readonly gte: number | null; readonly lte: number | null; readonly eq: number | null }
  | { readonly kind: 'all'; readonly filters: readonly Filter[] }
  | { readonly kind: 'any'; readonly filters: readonly Filter[] }
  | { readonly kind: 'not'; readonly filter: Filter };

/** A reward's or condition's items: a line matching `exclude` is out even when it matches `include` (P3). */
export interface ItemSelector {
  readonly include: Filter;
  readonly exclude: Filter | null;
}

/** Every condition kind is defined in its own `conditions/*.condition.ts`; the registry composes them. */
export type { Condition, ConditionKind } from '../conditions/condition-registry';

export type ApplyTo =
  | { readonly kind: 'each' }
  | { readonly kind: 'spread' }
  | { readonly kind: 'cheapest'; readonly count: number }
  | { readonly kind: 'mostExpensive'; readonly count: number };

export type Frequency = 'once' | 'unlimited';

/** What a buy-X-get-Y gives: a percentage (basis points) or an amount off each given unit. */
export type GetValue =
  | { readonly kind: 'percent'; readonly basisPoints: number }
  | { readonly kind: 'amount'; readonly amount: number };

/** Every reward kind is defined in its own `rewards/*.reward.ts`; the registry composes them. */
export type { Reward, RewardType, Tier, TierReward } from '../rewards/reward-registry';

export interface Rule {
  readonly conditions: Condition;
  readonly reward: Reward;
  /** README rule 15: the wire's `reward.maxDiscount`, the most this rule gives for the cart; null = no cap (always null on gift and tiered). */
  readonly maxDiscount: number | null;
}

/** README rule 19: what is left of the promotion's discount budget, supplied by the caller (the ledger's figure). */
export interface Limits {
  /** Minor units; null = no budget. */
  readonly budgetRemaining: number | null;
  /** When given, equal to `targeting.currency`. */
  readonly currency: CurrencyCode | null;
}

export interface IncludeExclude {
  readonly include: ReadonlySet<string>;
  readonly exclude: ReadonlySet<string>;
}

/** Targeting (P4); an absent restriction is an empty set or null. */
export interface Targeting {
  readonly channels: ReadonlySet<string> | null;
  readonly currency: CurrencyCode | 'any' | null;
  readonly customerGroups: IncludeExclude;
  readonly segments: IncludeExclude;
  readonly countries: IncludeExclude;
  readonly firstPurchaseOnly: boolean;
  /** README rule 18: only these customers (never a guest); null = any. */
  readonly customerIds: ReadonlySet<string> | null;
  /** README rule 18: only carts sold in these markets (never a cart without one); null = any. */
  readonly markets: ReadonlySet<string> | null;
}

export type Weekday = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

/** Wall-clock date and time as written in a schedule, without a zone. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** An explicit UTC offset in minutes when the text carried one (then the zone is not used). */
  readonly offsetMinutes: number | null;
}

export interface Recurring {
  readonly everyNWeeks: number;
  /** ISO weekday numbers, 1 = Monday … 7 = Sunday. */
  readonly weekdays: ReadonlySet<number>;
  /** Seconds since local midnight, window is [from, to). */
  readonly fromSecond: number;
  readonly toSecond: number;
}

/** P5: start and end are wall times in `timeZone` (or the store's zone when null). */
export interface Schedule {
  readonly start: WallTime | null;
  readonly end: WallTime | null;
  readonly timeZone: string | null;
  readonly recurring: Recurring | null;
}

export interface Usage {
  readonly limit: number | null;
  readonly used: number;
  readonly perCustomer: number | null;
  readonly usedBy: ReadonlyMap<string, number>;
}

export type Stacking = 'combinable' | 'exclusive' | 'rejectIfAutomatic' | 'replaceIfBetter';

interface PromotionBase {
  readonly id: PromotionId;
  readonly name: string | null;
  readonly stacking: Stacking;
  readonly targeting: Targeting;
  readonly schedule: Schedule | null;
  readonly usage: Usage;
  readonly limits: Limits;
  readonly rulesMode: 'all' | 'lastQualifying';
  readonly rules: readonly Rule[];
}

/** P1: applies without a code, by ascending priority. */
export interface AutomaticPromotion extends PromotionBase {
  readonly kind: 'automatic';
  readonly priority: number;
  readonly stopAfter: boolean;
}

/** P1: needs one of its codes. */
export interface CouponPromotion extends PromotionBase {
  readonly kind: 'coupon';
  readonly codes: readonly string[];
}

export type Promotion = AutomaticPromotion | CouponPromotion;
