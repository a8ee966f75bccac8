import fc from 'fast-check';
import type { Cart, CartLine, Settings } from '../../src';

/** fast-check arbitraries of well-formed carts, promotions and settings (wire shape). */
const CATEGORIES = ['apparel', 'apparel/shoes', 'apparel/shoes/boots', 'kitchen/mugs', 'sale', 'office/paper'];
const items = fc.oneof(
  fc.constant({ include: { anyItem: true } }),
  fc.record({ include: fc.record({ category: fc.subarray(CATEGORIES, { minLength: 1, maxLength: 2 }) }) }),
  fc.record({
    include: fc.constant({ anyItem: true }),
    exclude: fc.record({ category: fc.subarray(CATEGORIES, { minLength: 1, maxLength: 1 }) }),
  }),
  fc.record({ include: fc.record({ onSale: fc.boolean() }) }),
);

const percent = fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100);
const amount = fc.integer({ min: 0, max: 20_000 });
const frequency = fc.constantFrom('once', 'unlimited');

const simpleReward = fc.oneof(
  fc.record({ type: fc.constant('orderPercent'), percent }),
  fc.record({ type: fc.constant('orderAmount'), amount }),
  fc.record({ type: fc.constant('itemsPercent'), percent, items, applyTo: fc.oneof(fc.constantFrom('each', 'spread'), fc.record({ cheapest: fc.integer({ min: 1, max: 4 }) }), fc.record({ mostExpensive: fc.integer({ min: 1, max: 4 }) })) }),
  fc.record({ type: fc.constant('itemsAmount'), amount, items, applyTo: fc.constantFrom('each', 'spread'), maxQuantityPerLine: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }, { requiredKeys: ['type', 'amount', 'items', 'applyTo'] }),
  fc.record({ type: fc.constant('freeShipping'), zones: fc.constantFrom(null, ['domestic'], ['international']) }),
  fc.record({ type: fc.constant('shippingAmount'), amount }),
  fc.record({ type: fc.constant('shippingPercent'), percent }),
  fc.record({ type: fc.constant('gift'), sku: fc.constant('GIFT-1'), productId: fc.constant('p-gift'), quantity: fc.integer({ min: 1, max: 2 }), frequency }),
  fc.record({ type: fc.constant('fixedPrice'), quantity: fc.integer({ min: 1, max: 4 }), price: amount, items, frequency }),
  fc.record({
    type: fc.constant('buyXgetY'),
    buy: fc.record({ quantity: fc.integer({ min: 1, max: 3 }), items }),
    get: fc.oneof(fc.record({ quantity: fc.integer({ min: 1, max: 2 }), items, percent }), fc.record({ quantity: fc.integer({ min: 1, max: 2 }), items, amount })),
    pick: fc.constantFrom('cheapest', 'mostExpensive'),
    frequency,
  }),
);

const reward = fc.oneof(
  { weight: 5, arbitrary: simpleReward },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('tiered'), basis: fc.constantFrom('subtotal', 'quantity'), tiers: fc.array(fc.record({ atLeast: fc.integer({ min: 0, max: 30_000 }), reward: simpleReward }), { minLength: 1, maxLength: 3 }) }) },
);

const condition = fc.oneof(
  fc.constant(undefined),
  fc.record({ subtotalAtLeast: fc.integer({ min: 0, max: 30_000 }) }),
  fc.record({ quantityAtLeast: fc.record({ count: fc.integer({ min: 0, max: 5 }), items: fc.record({ category: fc.subarray(CATEGORIES, { minLength: 1, maxLength: 2 }) }) }) }),
);

const rule = fc.record({ conditions: condition, reward }, { requiredKeys: ['reward'] });
const stacking = fc.constantFrom('combinable', 'combinable', 'exclusive', 'rejectIfAutomatic', 'replaceIfBetter');

/** Promotions with distinct ids; coupons have codes C0, C1, ... */
export const promotionsArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom('automatic', 'coupon'),
      priority: fc.integer({ min: 0, max: 5 }),
      stopAfter: fc.boolean(),
      stacking,
      rulesMode: fc.constantFrom('all', 'lastQualifying'),
      rules: fc.array(rule, { minLength: 1, maxLength: 2 }),
    }),
    { maxLength: 6 },
  )
  .map((list) =>
    list.map((p, i) =>
      p.kind === 'automatic'
        ? { id: `a${i}`, kind: p.kind, priority: p.priority, stopAfter: p.stopAfter, stacking: p.stacking, rulesMode: p.rulesMode, rules: p.rules }
        : { id: `c${i}`, kind: p.kind, codes: [`C${i}`], stacking: p.stacking, rulesMode: p.rulesMode, rules: p.rules },
    ),
  );

const line = fc.record({
  quantity: fc.integer({ min: 1, max: 5 }),
  unitPrice: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(0, 995, 1000, 1005)),
  categories: fc.subarray(CATEGORIES, { minLength: 1, maxLength: 2 }),
  onSale: fc.boolean(),
  priceOverridden: fc.boolean(),
  giftCertificate: fc.boolean(),
});

/** A cart whose codes may name any coupon of `promotionsArb` (C0..C5) or an unknown one. */
export const cartArb = fc
  .record({
    lines: fc.array(line, { minLength: 1, maxLength: 6 }),
    codes: fc.uniqueArray(fc.constantFrom('C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'NOPE'), { maxLength: 3 }),
    shipping: fc.option(fc.record({ country: fc.constant('US'), zone: fc.constantFrom('domestic', 'international'), method: fc.constant('standard'), amount: fc.integer({ min: 0, max: 3000 }) }), { nil: null }),
  })
  .map(
    ({ lines, codes, shipping }): Cart => ({
      cartId: 'cart-p',
      channel: 'web',
      currency: 'USD',
      currencyExponent: 2,
      customer: { customerId: 'cu-1', groups: ['retail'], segments: [], orderCount: 0 },
      lines: lines.map((l, i): CartLine => ({ lineId: `l${i + 1}`, sku: `S${i}`, productId: `p${i}`, ...l })),
      codes,
      shipping,
    }),
  );

export const settingsArb = fc.record({
  maxCodesPerOrder: fc.integer({ min: 0, max: 3 }),
  calculation: fc.constantFrom('cumulative' as const, 'independent' as const),
  zeroPriceTriggers: fc.boolean(),
  overriddenPriceQualifies: fc.boolean(),
  timeZone: fc.constant('America/New_York'),
  pricesIncludeTax: fc.boolean(),
  nonDiscountableCountsTowardConditions: fc.boolean(),
}) satisfies fc.Arbitrary<Settings>;
