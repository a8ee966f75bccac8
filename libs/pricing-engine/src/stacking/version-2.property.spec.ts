import fc from 'fast-check';
import { settingsArb } from '../../test/builders/arbitraries';
import { budgetedPromotionsArb, cappedPromotionsArb, cartV2Arb, ruleCeiling } from '../../test/builders/arbitraries-v2';
import { priceWith as priceAll } from '../../test/builders/price-with';

const RUNS = { numRuns: 200, verbose: true } as const;

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

describe('Version 2 pricing invariants (#23)', () => {
  it('never gives a promotion more than the sum of its rules\' maxDiscount caps (README rule 15)', () => {
    fc.assert(
      fc.property(cappedPromotionsArb, cartV2Arb, settingsArb, (promotions, cart, settings) => {
        const result = priceAll(promotions, cart, settings);
        for (const promotion of promotions) {
          const ceiling = sum(promotion.rules.map((rule) => ruleCeiling(rule.reward as Readonly<Record<string, unknown>> & { readonly type: string })));
          expect({ id: promotion.id, within: (result.discounts[promotion.id] ?? 0) <= ceiling }).toEqual({ id: promotion.id, within: true });
        }
      }),
      RUNS,
    );
  });

  it('never gives a promotion more than its remaining budget, and nothing at all when it is 0 (README rule 19)', () => {
    fc.assert(
      fc.property(budgetedPromotionsArb, cartV2Arb, settingsArb, (promotions, cart, settings) => {
        const result = priceAll(promotions, cart, settings);
        for (const promotion of promotions) {
          const budget = promotion.limits.budgetRemaining;
          expect((result.discounts[promotion.id] ?? 0) <= budget).toBe(true);
          if (budget === 0) {
            expect(result.applied).not.toContain(promotion.id);
            expect(result.gifts.filter((gift) => gift.promotionId === promotion.id)).toEqual([]);
          }
        }
      }),
      RUNS,
    );
  });

  it('splits each line discount into tax and net shares that add up to it exactly (README rule 11)', () => {
    fc.assert(
      fc.property(cappedPromotionsArb, cartV2Arb, settingsArb, (promotions, cart, settings) => {
        const result = priceAll(promotions, cart, { ...settings, pricesIncludeTax: true });
        for (const line of result.lines) {
          expect(line.taxDiscount).toBeGreaterThanOrEqual(0);
          expect(line.taxDiscount).toBeLessThanOrEqual(line.discount);
          expect((line.taxDiscount ?? Number.NaN) + (line.netDiscount ?? Number.NaN)).toBe(line.discount);
        }
        expect(result.taxDiscount).toBe(sum(result.lines.map((line) => line.taxDiscount ?? 0)));
      }),
      RUNS,
    );
  });

  it('keeps the figures adding up with shipping lists and lines that are never discounted (README rules 10 and 12)', () => {
    fc.assert(
      fc.property(budgetedPromotionsArb, cartV2Arb, settingsArb, (promotions, cart, settings) => {
        const result = priceAll(promotions, cart, settings);
        const discounts = sum(Object.values(result.discounts));
        const allocated = sum(Object.values(result.allocation).flatMap((byLine) => Object.values(byLine)));
        expect(allocated + (result.shipping?.discount ?? 0)).toBe(discounts);
        expect(result.total).toBe(result.subtotal + (result.shipping?.amount ?? 0) - discounts);
        const byId = new Map(cart.lines.map((line) => [line.lineId, line]));
        for (const line of result.lines) {
          expect(line.total).toBeGreaterThanOrEqual(0);
          if (byId.get(line.lineId)?.discountable === false) expect(line.discount).toBe(0);
        }
        if (Array.isArray(cart.shipping)) {
          expect(result.shippingMethods?.map((m) => m.methodId)).toEqual(cart.shipping.map((m) => m.methodId));
          for (const m of result.shippingMethods ?? []) expect(m.total).toBeGreaterThanOrEqual(0);
          expect(sum((result.shippingMethods ?? []).map((m) => m.discount))).toBe(result.shipping?.discount);
        } else {
          expect(result.shippingMethods).toBeUndefined();
        }
      }),
      RUNS,
    );
  });
});
