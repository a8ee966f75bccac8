// Answers of pricing's admin API for its OpenAPI document (#24), written by hand; test/admin-api-schema.int-spec.ts
// checks each against the documented schema.

export const PROMOTION_VIEW_EXAMPLE = {
  id: 'summer-10',
  kind: 'automatic',
  name: '10% off summer tops',
  priority: 10,
  targeting: { currency: 'USD', channels: ['web'] },
  schedule: { start: '2026-06-01T00:00:00', end: '2026-09-01T00:00:00', timeZone: 'America/New_York' },
  rules: [{ conditions: { subtotalAtLeast: 5000 }, reward: { type: 'itemsPercent', percent: 10, items: { category: ['apparel/tops'] } } }],
  enabled: true,
  limits: { totalUses: 1000, usesPerCode: null, usesPerCustomer: 1, consumeUnit: 'cart', budget: null },
  version: 3,
  status: 'scheduled',
  createdAt: '2026-05-20T08:00:00.000Z',
  updatedAt: '2026-05-21T09:30:00.000Z',
};

export const PROMOTION_PAGE_EXAMPLE = { items: [PROMOTION_VIEW_EXAMPLE], total: 1, limit: 50, offset: 0 };

export const PROMOTION_LIST_EXAMPLE = { items: [PROMOTION_VIEW_EXAMPLE] };

export const STORE_SETTINGS_VIEW_EXAMPLE = {
  maxCodesPerOrder: 2,
  calculation: 'cumulative',
  zeroPriceTriggers: true,
  overriddenPriceQualifies: false,
  timeZone: 'America/New_York',
  pricesIncludeTax: false,
  nonDiscountableCountsTowardConditions: true,
  locale: 'en-US',
  version: 4,
};

// By hand: the drafts take 10% more off cart-7 (12.00 → 18.00) and nothing off the other 99 carts.
export const IMPACT_REPORT_EXAMPLE = {
  cartsExamined: 100,
  cartsChanged: 1,
  discountAdded: { USD: 600 },
  mostAffected: [{ cartId: 'cart-7', currency: 'USD', discountBefore: 1200, discountAfter: 1800, discountAdded: 600 }],
};
