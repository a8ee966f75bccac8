import type { Settings } from '../../src';

type Json = Readonly<Record<string, unknown>>;

/** An automatic promotion (wire shape) with one rule. */
export function anAutomatic(id: string, reward: Json, extra: Json = {}): Json {
  return { id, kind: 'automatic', priority: 1, stopAfter: false, stacking: 'combinable', rules: [{ reward }], ...extra };
}

/** A coupon promotion (wire shape) with one rule, its code defaulting to the upper-cased id. */
export function aCoupon(id: string, reward: Json, extra: Json = {}): Json {
  return { id, kind: 'coupon', stacking: 'combinable', codes: [id.toUpperCase()], rules: [{ reward }], ...extra };
}

export function someSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    maxCodesPerOrder: 1,
    calculation: 'cumulative',
    zeroPriceTriggers: true,
    overriddenPriceQualifies: false,
    timeZone: 'America/New_York',
    pricesIncludeTax: false,
    nonDiscountableCountsTowardConditions: true,
    ...overrides,
  };
}

export const AT = '2026-11-20T15:00:00Z';
