import fc from 'fast-check';
import { cartArb, promotionsArb, settingsArb } from '../../test/builders/arbitraries';
import type { Cart } from '../model/cart';
import { type PromotionChange, applyPromotionChange } from './apply-change';
import { type PromotionIndex, compilePromotions } from './compile';

const AT = '2026-11-20T15:00:00Z';
const IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];

/** Promotion bodies of every kind and reward; the change gives each an id, a targeting and, for coupons, a code. */
const body = promotionsArb.filter((list) => list.length > 0).chain((list) => fc.constantFrom(...list));
const targeting = fc.record({ channels: fc.constantFrom(null, ['web'], ['pos'], ['web', 'pos']), currency: fc.constantFrom(null, 'USD', 'EUR') });

const promotion = fc.record({ id: fc.constantFrom(...IDS), body, targeting, code: fc.constantFrom('C0', 'C1', 'C2') }).map(({ id, body: shape, targeting: aim, code }) => ({
  ...shape,
  id,
  targeting: aim,
  ...(shape.kind === 'coupon' ? { codes: [code] } : {}),
}));
/** Not well formed: listed, refused, priced without. */
const malformed = fc.constantFrom(...IDS).map((id) => ({ id, kind: 'automatic', rules: [{ reward: { type: 'orderPercent', percent: 300 } }] }));

const change: fc.Arbitrary<PromotionChange> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('upsert' as const), promotion, listedAfter: fc.constantFrom(undefined, null, ...IDS, 'unknown') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('upsert' as const), promotion: malformed }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('remove' as const), promotionId: fc.constantFrom(...IDS, 'unknown') }) },
);

function idOf(raw: unknown): string | null {
  return typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : null;
}

/** The model: the listing as plain data, changed as PromotionChange says, for a full compile. */
function changed(listing: readonly unknown[], next: PromotionChange): unknown[] {
  if (next.type === 'remove') return listing.filter((raw) => idOf(raw) !== next.promotionId);
  const id = idOf(next.promotion);
  const at = listing.findIndex((raw) => idOf(raw) === id);
  if (at >= 0) return listing.map((raw, i) => (i === at ? next.promotion : raw));
  if (next.listedAfter === null) return [next.promotion, ...listing];
  const after = listing.findIndex((raw) => idOf(raw) === next.listedAfter);
  const position = after < 0 ? listing.length : after + 1;
  return [...listing.slice(0, position), next.promotion, ...listing.slice(position)];
}

function expectSamePricing(incremental: PromotionIndex, full: PromotionIndex, carts: readonly Cart[]): void {
  expect(incremental.size).toBe(full.size);
  expect(incremental.refused).toEqual(full.refused);
  for (const cart of carts) {
    expect(incremental.candidates(cart)).toEqual(full.candidates(cart));
    expect(incremental.price(cart, AT)).toEqual(full.price(cart, AT));
  }
}

const withChannel = (cart: Cart, channel: string, currency: string): Cart => ({ ...cart, channel, currency });

describe('applyPromotionChange', () => {
  it('prices every cart exactly like a full compile of the changed promotions, after every change of a random sequence', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(promotion, { selector: (p) => p.id, maxLength: 5 }),
        fc.array(change, { minLength: 1, maxLength: 12 }),
        cartArb,
        settingsArb,
        (initial, changes, cart, settings) => {
          const carts = [cart, withChannel(cart, 'pos', 'USD'), withChannel(cart, 'web', 'EUR')];
          const first = compilePromotions(initial, settings);
          const firstPrices = carts.map((c) => first.price(c, AT));
          let index = first;
          let listing: unknown[] = [...initial];
          for (const next of changes) {
            index = applyPromotionChange(index, next);
            listing = changed(listing, next);
            expectSamePricing(index, compilePromotions(listing, settings), carts);
          }
          // The first index is untouched by every change built on it (a request still pricing with it).
          expect(carts.map((c) => first.price(c, AT))).toEqual(firstPrices);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('still matches a full compile after many promotions were listed between the same two neighbours', () => {
    const settings = { maxCodesPerOrder: 3, calculation: 'cumulative', zeroPriceTriggers: true, overriddenPriceQualifies: false, timeZone: 'UTC', pricesIncludeTax: false, nonDiscountableCountsTowardConditions: true } as const;
    const tenOff = (id: string): unknown => ({ id, kind: 'automatic', priority: 1, stopAfter: false, rules: [{ reward: { type: 'orderAmount', amount: 10 } }] });
    const stopper = (id: string): unknown => ({ id, kind: 'automatic', priority: 1, stopAfter: true, rules: [{ reward: { type: 'orderAmount', amount: 1 } }] });
    let listing: unknown[] = [tenOff('first'), stopper('last')];
    let index = compilePromotions(listing, settings);
    for (let i = 0; i < 80; i += 1) {
      const next: PromotionChange = { type: 'upsert', promotion: i % 7 === 0 ? stopper(`s${i}`) : tenOff(`n${i}`), listedAfter: 'first' };
      index = applyPromotionChange(index, next);
      listing = changed(listing, next);
    }
    const cart: Cart = { cartId: 'c', channel: 'web', currency: 'USD', currencyExponent: 2, customer: null, lines: [{ lineId: 'l1', sku: 's', productId: 'p', quantity: 1, unitPrice: 10_000 }], codes: [], shipping: null };
    expectSamePricing(index, compilePromotions(listing, settings), [cart]);
    // Listed after "first" one by one, the newest stands right after it: n79, n78, then s77, which stops the rest.
    expect(index.price(cart, AT).applied).toEqual(['first', 'n79', 'n78', 's77']);
  });

  it('recompiles a listing that repeats an id, replacing every promotion of that id', () => {
    const settings = { maxCodesPerOrder: 1, calculation: 'cumulative', zeroPriceTriggers: true, overriddenPriceQualifies: false, timeZone: 'UTC', pricesIncludeTax: false, nonDiscountableCountsTowardConditions: true } as const;
    const off = (id: string, amount: number): unknown => ({ id, kind: 'automatic', rules: [{ reward: { type: 'orderAmount', amount } }] });
    const index = compilePromotions([off('a', 1), off('a', 2), off('b', 4)], settings);
    const cart: Cart = { cartId: 'c', channel: 'web', currency: 'USD', currencyExponent: 2, customer: null, lines: [{ lineId: 'l1', sku: 's', productId: 'p', quantity: 1, unitPrice: 1000 }], codes: [], shipping: null };
    expect(applyPromotionChange(index, { type: 'upsert', promotion: off('a', 8) }).price(cart, AT).total).toBe(1000 - 8 - 4);
    expect(applyPromotionChange(index, { type: 'remove', promotionId: 'a' }).price(cart, AT).total).toBe(1000 - 4);
  });
});
