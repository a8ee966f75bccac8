import type { IndexEntry } from '../promotion-index/index-snapshot';
import { budgetRemainingOf, usageOf } from './usage-overlay';

const entry = (limits: Partial<IndexEntry['limits']>, kind: IndexEntry['kind'] = 'coupon'): IndexEntry => ({
  id: 'p-1',
  kind,
  definition: {},
  limits: { totalUses: null, usesPerCode: null, usesPerCustomer: null, consumeUnit: 'cart', ...limits },
});
const counts = (promotion: number, code: number, customer: number) => ({
  promotionUses: new Map([['p-1', promotion]]),
  codeUses: new Map([['CODE', code]]),
  customerUses: new Map([['p-1', customer]]),
});

describe('usageOf', () => {
  it('passes the total limit and uses through', () => {
    expect(usageOf(entry({ totalUses: 10 }), 'CODE', counts(4, 1, 0), 'cu-1')).toMatchObject({ limit: 10, used: 4, perCustomer: 1 });
  });

  it('reads a spent code as its promotion limit reached', () => {
    const usage = usageOf(entry({ usesPerCode: 1 }), 'CODE', counts(4, 1, 0), null);
    expect(usage.limit !== null && usage.used >= usage.limit).toBe(true);
  });

  it('counts the customer uses, one per customer by default for a coupon, none for an automatic promotion', () => {
    expect(usageOf(entry({}), 'CODE', counts(0, 0, 1), 'cu-1')).toMatchObject({ perCustomer: 1, usedBy: new Map([['cu-1', 1]]) });
    expect(usageOf(entry({}, 'automatic'), null, counts(0, 0, 1), 'cu-1')).toMatchObject({ perCustomer: null });
    expect(usageOf(entry({ usesPerCustomer: 3 }), 'CODE', counts(0, 0, 2), 'cu-1')).toMatchObject({ perCustomer: 3 });
  });
});

describe('budgetRemainingOf (#23, rule 19)', () => {
  it('is the budget less what was given, never below 0, and nothing without a budget', () => {
    expect(budgetRemainingOf(entry({ budget: 1000 }), 300)).toBe(700);
    expect(budgetRemainingOf(entry({ budget: 1000 }), 1000)).toBe(0);
    expect(budgetRemainingOf(entry({ budget: 1000 }), 1200)).toBe(0);
    expect(budgetRemainingOf(entry({ budget: null }), 300)).toBeUndefined();
    expect(budgetRemainingOf(entry({}), 300)).toBeUndefined();
  });
});
