// A request to POST /v1/carts/price and its answer, for the OpenAPI document (#24); worked by hand: an automatic
// 10% off the order (auto-10) over 2 × 25.00 and 1 × 10.00 takes 6.00, allocated 5.00 and 1.00 by line
// subtotal; shipping 5.00 is not discounted; the code WELCOME is not a code of this store.
// apps/pricing/test/price-api-schema.int-spec.ts checks both against the documented schemas.

export const PRICE_REQUEST_EXAMPLE = {
  cartId: 'cart-1042',
  channel: 'web',
  currency: 'USD',
  customer: { customerId: 'cu-77', groups: ['vip'], segments: [], orderCount: 3 },
  lines: [
    { lineId: 'l1', sku: 'TEE-RED-M', productId: 'tee', quantity: 2, unitPrice: 2500, categories: ['apparel/tops'] },
    { lineId: 'l2', sku: 'SOCKS', productId: 'socks', quantity: 1, unitPrice: 1000, categories: ['apparel/socks'] },
  ],
  codes: ['WELCOME'],
  shipping: { country: 'US', zone: null, method: 'standard', amount: 500 },
};

export const PRICED_CART_EXAMPLE = {
  cartId: 'cart-1042',
  currency: 'USD',
  subtotal: 6000,
  discounts: { 'auto-10': 600 },
  allocation: { 'auto-10': { l1: 500, l2: 100 } },
  lines: [
    { lineId: 'l1', subtotal: 5000, discount: 500, total: 4500, discounts: { 'auto-10': 500 } },
    { lineId: 'l2', subtotal: 1000, discount: 100, total: 900, discounts: { 'auto-10': 100 } },
  ],
  shipping: { amount: 500, discount: 0, total: 500 },
  gifts: [],
  total: 5900,
  codes: { WELCOME: { status: 'rejected', reason: 'unknown', message: 'This code does not exist.' } },
  applied: ['auto-10'],
  notApplied: {},
  indexVersion: 3,
  pricedAt: '2026-11-27T09:00:00.000Z',
};
