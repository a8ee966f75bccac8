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
