import fc from 'fast-check';
import { type Cart, type PricingResult, type Settings, compilePromotions } from '../index';
import { cartArb, promotionsArb, settingsArb } from '../../test/builders/arbitraries';

const AT = '2026-11-20T15:00:00Z';
const RUNS = { numRuns: 300, verbose: true } as const;

function priceAll(promotions: readonly unknown[], cart: Cart, settings: Settings): PricingResult {
  const index = compilePromotions(promotions, settings);
  expect(index.refused).toEqual([]);
  return index.price(cart, AT);
}

function sum(values: Readonly<Record<string, number>>): number {
  return Object.values(values).reduce((a, b) => a + b, 0);
}

const input = fc.record({ promotions: promotionsArb, cart: cartArb, settings: settingsArb });

describe('pricing invariants (STYLE.md "Tests")', () => {
  it('never discounts more than subtotal + shipping, and nothing goes below zero', () => {
    fc.assert(
      fc.property(input, ({ promotions, cart, settings }) => {
        const result = priceAll(promotions, cart, settings);
        const shipping = result.shipping?.amount ?? 0;
        expect(sum(result.discounts)).toBeLessThanOrEqual(result.subtotal + shipping);
        expect(result.total).toBe(result.subtotal + shipping - sum(result.discounts));
        expect(result.total).toBeGreaterThanOrEqual(0);
        for (const line of result.lines) {
          expect(line.total).toBeGreaterThanOrEqual(0);
          expect(line.total).toBe(line.subtotal - line.discount);
        }
        if (result.shipping !== null) expect(result.shipping.total).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('allocations and the shipping discount add up exactly to the discounts', () => {
    fc.assert(
      fc.property(input, ({ promotions, cart, settings }) => {
        const result = priceAll(promotions, cart, settings);
        const allocated = Object.values(result.allocation).reduce((total, byLine) => total + sum(byLine), 0);
        expect(allocated + (result.shipping?.discount ?? 0)).toBe(sum(result.discounts));
        for (const [id, byLine] of Object.entries(result.allocation)) {
          expect(sum(byLine)).toBeLessThanOrEqual(result.discounts[id] ?? 0);
        }
      }),
      RUNS,
    );
  });

  it('same input, same output; and the result does not depend on line order (codes in the same order)', () => {
    fc.assert(
      fc.property(input, fc.infiniteStream(fc.nat()), ({ promotions, cart, settings }, randoms) => {
        const first = priceAll(promotions, cart, settings);
        expect(priceAll(promotions, cart, settings)).toEqual(first);
        const keys = [...randoms.take(cart.lines.length)];
        const shuffled = cart.lines.map((line, i) => ({ line, key: keys[i] ?? 0 })).sort((a, b) => a.key - b.key).map((entry) => entry.line);
        expect(priceAll(promotions, { ...cart, lines: shuffled }, settings)).toEqual(first);
      }),
      RUNS,
    );
  });

  it('independent mode never discounts more than the sum of each promotion alone', () => {
    fc.assert(
      fc.property(promotionsArb, cartArb, settingsArb, (promotions, cart, settings) => {
        const independent: Settings = { ...settings, calculation: 'independent' };
        const together = sum(priceAll(promotions, cart, independent).discounts);
        let alone = 0;
        for (const promotion of promotions) {
          const codes = promotion.kind === 'coupon' ? cart.codes?.filter((code) => promotion.codes?.includes(code) === true) ?? [] : [];
          alone += sum(priceAll([promotion], { ...cart, codes }, { ...independent, maxCodesPerOrder: Math.max(1, independent.maxCodesPerOrder) }).discounts);
        }
        expect(together).toBeLessThanOrEqual(alone);
      }),
      RUNS,
    );
  });

  it('follows P7 stacking: codes within the limit, none after an exclusive automatic, BOGO codes alone', () => {
    fc.assert(
      fc.property(input, ({ promotions, cart, settings }) => {
        const result = priceAll(promotions, cart, settings);
        const appliedCodes = Object.values(result.codes).filter((outcome) => outcome.status === 'applied');
        expect(appliedCodes.length).toBeLessThanOrEqual(settings.maxCodesPerOrder);
        const byId = new Map(promotions.map((p) => [p.id, p]));
        const exclusiveAutomatic = result.applied.some((id) => byId.get(id)?.kind === 'automatic' && byId.get(id)?.stacking === 'exclusive');
        if (exclusiveAutomatic) expect(appliedCodes).toEqual([]);
        const bogoCodes = appliedCodes.filter((outcome) => byId.get(outcome.promotionId)?.rules.some((r) => r.reward.type === 'buyXgetY'));
        if (bogoCodes.length > 0) expect(appliedCodes).toHaveLength(1);
        // Automatic promotions apply before codes, by ascending priority.
        const autos = result.applied.filter((id) => byId.get(id)?.kind === 'automatic');
        const priorities = autos.map((id) => {
          const p = byId.get(id);
          return p?.kind === 'automatic' ? (p.priority ?? 0) : 0;
        });
        expect([...priorities].sort((a, b) => a - b)).toEqual(priorities);
        expect(result.applied.slice(0, autos.length)).toEqual(autos);
      }),
      RUNS,
    );
  });
});
