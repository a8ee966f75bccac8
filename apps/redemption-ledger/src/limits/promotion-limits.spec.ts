import { limitsFromChange } from './promotion-limits.service';

const change = (promotion: Parameters<typeof limitsFromChange>[0]['promotion'], version = 1) =>
  limitsFromChange({ promotionId: 'p', change: promotion === null ? 'deleted' : 'updated', version, changedAt: '2026-11-20T00:00:00Z', promotion }, undefined);

describe('limitsFromChange', () => {
  it('gives a coupon without usesPerCustomer one use per customer (L1)', () => {
    expect(change({ id: 'p', kind: 'coupon' })).toMatchObject({ usesPerCustomer: 1, totalUses: null, usesPerCode: null, consumeUnit: 'cart' });
  });

  it('reads a null usesPerCustomer of a coupon as not set, as pricing sends it: one per customer', () => {
    expect(change({ id: 'p', kind: 'coupon', limits: { usesPerCustomer: null, usesPerCode: 1 } })).toMatchObject({ usesPerCustomer: 1, usesPerCode: 1 });
  });

  it('gives an automatic promotion no per-customer limit unless one is set', () => {
    expect(change({ id: 'p', kind: 'automatic', limits: { totalUses: 5, consumeUnit: 'item' } })).toMatchObject({ usesPerCustomer: null, totalUses: 5, consumeUnit: 'item' });
  });

  it('keeps a coupon’s own codes normalized as its shared codes, and none when its codes all live in code-inventory (#19.2)', () => {
    expect(change({ id: 'p', kind: 'coupon', codes: [' Welcome20 ', 'WELCOME20', 'SPRING'] })).toMatchObject({ sharedCodes: ['spring', 'welcome20'] });
    expect(change({ id: 'p', kind: 'coupon' })).toMatchObject({ sharedCodes: [] });
  });

  it('marks a deleted promotion deleted', () => {
    expect(change(null, 3)).toMatchObject({ isDeleted: true, version: 3 });
  });
});
