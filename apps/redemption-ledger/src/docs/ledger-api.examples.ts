// Answers of redemption-ledger's routes for its OpenAPI document (#24), written by hand;
// test/ledger-api-schema.int-spec.ts checks each against the documented schema.

export const RESERVED_EXAMPLE = {
  reservationId: 'res-cart-1042-1',
  status: 'reserved',
  expiresAt: '2026-11-27T09:15:00.000Z',
  uses: [{ promotionId: 'summer-10', code: 'SUMMER10', units: 1, status: 'reserved' }],
};

export const REFUSED_EXAMPLE = {
  reservationId: 'res-cart-1042-2',
  status: 'refused',
  expiresAt: null,
  uses: [
    { promotionId: 'summer-10', code: 'SUMMER10', units: 0, status: 'refused', reason: 'customer_limit_reached', limit: 1 },
    { promotionId: 'free-ship', code: null, units: 0, status: 'not_reserved' },
  ],
};

export const RELEASE_EXAMPLE = { reservationId: 'res-cart-1042-1', status: 'released', released: 1 };

export const PROMOTION_CHANGE_RESULT_EXAMPLE = { promotionId: 'summer-10', version: 3, isApplied: true };

export const ORDER_STATISTICS_EXAMPLE = { orders: 120, cancelled: 4, byCurrency: [{ currency: 'USD', ordersTotal: 1_250_000 }] };

// By hand: order o-1042 used SUMMER10 (one unit, 6.00 off); the page is the last one.
export const LEDGER_PAGE_EXAMPLE = {
  items: [
    { sequence: 17, kind: 'committed', orderId: 'o-1042', reservationId: 'res-cart-1042-1', promotionId: 'summer-10', code: 'SUMMER10', customerId: 'cu-77', units: 1, reason: null, discountAmount: 600, currency: 'USD', at: '2026-11-27T09:05:00.000Z' },
  ],
  nextCursor: null,
};

// By hand: two orders of 59.00 and 41.00 redeemed it (10.00 off in all); 30 other orders averaged 40.00.
export const USAGE_STATISTICS_EXAMPLE = {
  subject: { promotionId: 'summer-10' },
  redemptions: 2,
  rejected: 1,
  reversed: 0,
  redeemers: 2,
  repeatPurchaseRate: 0.5,
  figures: [{ currency: 'USD', discountGiven: 1000, attributedRevenue: 10_000, averageOrderValueWith: 5000, averageOrderValueWithout: 4000 }],
  usesPerDay: { items: [{ day: '2026-11-27', uses: 2 }], nextCursor: null },
};
