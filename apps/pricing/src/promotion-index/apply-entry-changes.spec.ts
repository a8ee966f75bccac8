import { type Cart, DEFAULT_SETTINGS, normalizeCode } from '@promo/pricing-engine';
import { type EntryChange, applyEntryChanges } from './apply-entry-changes';
import { type IndexEntry, type IndexSnapshot, buildSnapshot } from './index-snapshot';

const AT = '2026-11-20T15:00:00Z';
const NO_LIMITS = { totalUses: null, usesPerCode: null, usesPerCustomer: null, consumeUnit: 'cart' } as const;

function automatic(id: string, amount: number, limits: IndexEntry['limits'] = NO_LIMITS): IndexEntry {
  return { id, kind: 'automatic', limits, definition: { id, kind: 'automatic', priority: 1, rules: [{ reward: { type: 'orderAmount', amount } }] } };
}

function coupon(id: string, codes: readonly string[], amount: number): IndexEntry {
  return { id, kind: 'coupon', limits: NO_LIMITS, definition: { id, kind: 'coupon', codes, rules: [{ reward: { type: 'orderAmount', amount } }] } };
}

const cart: Cart = {
  cartId: 'c1',
  channel: 'web',
  currency: 'USD',
  currencyExponent: 2,
  customer: null,
  lines: [{ lineId: 'l1', sku: 's1', productId: 'p1', quantity: 1, unitPrice: 10_000 }],
  codes: ['SAVE', 'MORE'],
  shipping: null,
};

/** What a snapshot answers: compared between one updated in place and one built whole. */
function answers(snapshot: IndexSnapshot): unknown {
  return {
    version: snapshot.version,
    entries: snapshot.entries.map((entry) => entry.id),
    codes: ['SAVE', 'MORE', 'GONE'].map((code) => snapshot.codes.get(normalizeCode(code)) ?? null),
    byId: ['a', 'b', 'c', 'd', 'k1', 'k2'].map((id) => snapshot.byId.get(id)?.id ?? null),
    totalLimited: snapshot.totalLimitedAutomatics.map((entry) => entry.id),
    customerLimited: snapshot.customerLimitedAutomatics.map((entry) => entry.id),
    priced: snapshot.index.price(cart, AT),
  };
}

describe('applyEntryChanges', () => {
  const before = [automatic('b', 100), automatic('d', 200), coupon('k2', ['SAVE'], 50)];
  const base = buildSnapshot(before, DEFAULT_SETTINGS, 7);

  it('gives the snapshot a whole build of the changed entries gives, and leaves the one it started from as it was', () => {
    const changes: EntryChange[] = [
      { id: 'c', entry: automatic('c', 300, { ...NO_LIMITS, totalUses: 5 }) },
      { id: 'a', entry: automatic('a', 400, { ...NO_LIMITS, usesPerCustomer: 1 }) },
      { id: 'd', entry: null },
      { id: 'k1', entry: coupon('k1', ['SAVE', 'MORE'], 25) },
      { id: 'b', entry: automatic('b', 150) },
      { id: 'gone', entry: null },
    ];
    const after = [automatic('a', 400, { ...NO_LIMITS, usesPerCustomer: 1 }), automatic('b', 150), automatic('c', 300, { ...NO_LIMITS, totalUses: 5 }), coupon('k1', ['SAVE', 'MORE'], 25), coupon('k2', ['SAVE'], 50)];
    const baseAnswers = answers(base);

    const updated = applyEntryChanges(base, changes, 12);

    expect(answers(updated)).toEqual(answers(buildSnapshot(after, DEFAULT_SETTINGS, 12)));
    // k1 comes first by id, so it redeems SAVE; the automatic promotions a, b, c take 400 + 150 + 300.
    expect(updated.codes.get(normalizeCode('SAVE'))).toBe('k1');
    expect(updated.index.price(cart, AT).total).toBe(10_000 - 400 - 150 - 300 - 25);
    expect(answers(base)).toEqual(baseAnswers);
  });

  it('hands a code to the next holder by id when its first holder drops it', () => {
    const both = buildSnapshot([coupon('k1', ['SAVE'], 25), coupon('k2', ['SAVE'], 50)], DEFAULT_SETTINGS, 3);
    const updated = applyEntryChanges(both, [{ id: 'k1', entry: coupon('k1', ['MORE'], 25) }], 4);
    expect(updated.codes.get(normalizeCode('SAVE'))).toBe('k2');
    expect(updated.codes.get(normalizeCode('MORE'))).toBe('k1');
  });
});
