import fc from 'fast-check';
import { validatePromotion } from '@promo/pricing-engine';
import { conditionToWire } from './draft-to-wire';
import { WireReader } from './wire-to-draft';

/** Values a merchant could store: plain words, and text the pickers would mangle (commas, spaces, empty). */
const value = fc.oneof(fc.constantFrom('shoes', 'apparel/shoes', 'Ridge', 'SKU-1', 'a, b', ' spaced ', ''), fc.string({ maxLength: 6 }));
const values = fc.array(value, { maxLength: 3 });
const named = fc.record({ name: value, in: values });

/** Filters the pickers can show, and ones they cannot (rules 17/22, nesting, flags), which must stay as JSON. */
const filter: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ filter: Record<string, unknown> }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ product: values, category: values, brand: values, sku: values, variant: values, option: named, customField: named }, { requiredKeys: [] }),
    fc.record({ anyItem: fc.boolean() }),
    fc.record({ onSale: fc.boolean() }),
    fc.record({ unitPrice: fc.record({ min: fc.nat(5000), max: fc.nat(5000) }, { requiredKeys: [] }) }),
    fc.record({ customField: fc.record({ name: value, gte: fc.integer({ min: -5, max: 5 }), lte: fc.integer({ min: -5, max: 5 }) }, { requiredKeys: ['name'] }) }),
    fc.record({ not: tie('filter') }),
    fc.record({ any: fc.array(tie('filter'), { maxLength: 2 }) }),
  ),
})).filter;

const items = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  filter,
  fc.record({ include: fc.oneof(filter, fc.constant(null)), exclude: fc.oneof(filter, fc.constant(null)) }, { requiredKeys: [] }),
);

const withItems = (key: string, valueKey: string, n: fc.Arbitrary<number>) =>
  fc.record({ n, items }).map(({ n: v, items: i }) => ({ [key]: i === undefined ? { [valueKey]: v } : { [valueKey]: v, items: i } }));

const amount = fc.oneof(fc.nat(100_000), fc.constantFrom(0, 1, 1999, 1.5, -1, Number.MAX_SAFE_INTEGER));
const count = fc.oneof(fc.nat(20), fc.constantFrom(-1, 2.5));

/** Condition trees of every kind of the engine's registry, nested, with several keys in one object now and then. */
const condition: fc.Arbitrary<unknown> = fc.letrec<{ condition: unknown }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    amount.map((a) => ({ subtotalAtLeast: a })),
    withItems('quantityAtLeast', 'count', count),
    withItems('valueAtLeast', 'amount', amount),
    withItems('lineQuantityAtLeast', 'quantity', count),
    fc.record({ subtotalAtLeast: fc.nat(9999), quantityAtLeast: fc.record({ count: fc.nat(5) }) }),
    fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
    fc.constantFrom({}, null),
  ),
})).condition;

function acceptedByEngine(currency: string, conditions: unknown): boolean {
  const promotion = { id: 'p', kind: 'automatic', priority: 1, targeting: { currency }, rules: [{ conditions, reward: { type: 'orderPercent', percent: 10 } }] };
  return validatePromotion(promotion).length === 0;
}

describe('the condition builder round trip', () => {
  it.each(['USD', 'JPY', 'KWD'])('gives back, wire → draft → wire, every condition the engine accepts in %s', (currency) => {
    let accepted = 0;
    let picked = 0;
    fc.assert(
      fc.property(condition, (wire) => {
        fc.pre(acceptedByEngine(currency, wire));
        accepted += 1;
        const draft = new WireReader(currency).condition(wire);
        if (JSON.stringify(draft).includes('"json":null')) picked += 1;
        const back = conditionToWire(draft, 'rules[0].conditions', currency);
        expect(back.errors).toEqual([]);
        expect(back.value).toEqual(wire);
      }),
      { numRuns: 400, verbose: true },
    );
    // The generator must reach the engine's accepted conditions, not only ones it refuses.
    expect(accepted).toBeGreaterThan(200);
    // …and conditions whose items the pickers show, not only ones kept as JSON.
    expect(picked).toBeGreaterThan(50);
  });

  it('reads the trees of accepted conditions as blocks, not as one JSON blob', () => {
    const draft = new WireReader('USD').condition({ all: [{ any: [{ subtotalAtLeast: 100 }, { not: { quantityAtLeast: { count: 2, items: { exclude: { category: ['sale'] } } } } }] }] });
    expect(draft).toMatchObject({ type: 'group', operator: 'all', children: [{ type: 'group', operator: 'any', children: [{ type: 'leaf' }, { type: 'not', child: { type: 'leaf', kind: 'quantityAtLeast' } }] }] });
  });
});
