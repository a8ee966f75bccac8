import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePricingInput, price } from '../src';

/**
 * Runs every scenario of the conformance suite (test/conformance/scenarios.json, a byte-identical copy
 * of the upstream suite), compared as the suite prescribes: subtotal, discounts
 * (absent id = 0), shipping, total and gifts (as a multiset) exactly; allocation and codes
 * only for the entries a scenario gives, a missing allocation line counting as 0.
 */
interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly settings: unknown;
  readonly promotions: unknown;
  readonly cart: unknown;
  readonly at: string;
  readonly expected: {
    readonly subtotal: number;
    readonly discounts: Readonly<Record<string, number>>;
    readonly allocation?: Readonly<Record<string, Readonly<Record<string, number>>>>;
    readonly shipping?: { readonly amount: number; readonly discount: number; readonly total: number };
    readonly gifts?: readonly { readonly promotionId: string; readonly sku: string; readonly quantity: number }[];
    readonly total: number;
    readonly codes?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  };
}

const file: { readonly version: number; readonly scenarios: readonly Scenario[] } = JSON.parse(
  readFileSync(join(__dirname, 'conformance', 'scenarios.json'), 'utf8'),
);

function nonZero(discounts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(discounts).filter(([, amount]) => amount !== 0));
}

function giftKey(gift: { readonly promotionId: string; readonly sku: string; readonly quantity: number }): string {
  return JSON.stringify([gift.promotionId, gift.sku, gift.quantity]);
}

describe('conformance scenarios', () => {
  it('reads a version 1 file of scenarios with unique ids', () => {
    expect(file.version).toBe(1);
    expect(file.scenarios.length).toBeGreaterThan(0);
    const ids = file.scenarios.map((scenario) => scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(file.scenarios.map((scenario) => [scenario.id, scenario] as const))('%s', (_id, scenario) => {
    const parsed = parsePricingInput({ cart: scenario.cart, promotions: scenario.promotions, settings: scenario.settings, at: scenario.at });
    if (!parsed.ok) throw new Error(`Scenario input refused: ${JSON.stringify(parsed.errors)}`);
    const result = price(parsed.value);
    const { expected } = scenario;

    expect(result.subtotal).toBe(expected.subtotal);
    expect(nonZero(result.discounts)).toEqual(nonZero(expected.discounts));
    expect(result.shipping).toEqual(expected.shipping ?? null);
    expect(result.total).toBe(expected.total);
    expect(result.gifts.map(giftKey).sort()).toEqual((expected.gifts ?? []).map(giftKey).sort());

    for (const [promotionId, byLine] of Object.entries(expected.allocation ?? {})) {
      const actual = result.allocation[promotionId] ?? {};
      const lineIds = new Set([...Object.keys(byLine), ...Object.keys(actual)]);
      for (const lineId of lineIds) {
        expect({ promotionId, lineId, amount: actual[lineId] ?? 0 }).toEqual({ promotionId, lineId, amount: byLine[lineId] ?? 0 });
      }
    }

    for (const [code, outcome] of Object.entries(expected.codes ?? {})) {
      const actual = result.codes[code];
      expect(actual).toBeDefined();
      const projected = Object.fromEntries(
        Object.entries(actual ?? {}).filter(([key]) => key === 'status' || key === 'reason' || key === 'missing' || key === 'conflictsWith'),
      );
      expect({ code, ...projected }).toEqual({ code, ...outcome });
    }
  });
});
