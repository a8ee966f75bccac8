import { aCart } from '../../test/builders/cart.builder';
import { anAutomatic, someSettings } from '../../test/builders/promotion.builder';
import { compilePromotions } from './compile';

const ten = { type: 'orderPercent', percent: 10 };
const needs = (items: unknown) => ({ quantityAtLeast: { count: 1, items } });

describe('compilePromotions index', () => {
  const promotions = [
    anAutomatic('web-any', ten, { priority: 5 }),
    anAutomatic('pos-only', ten, { targeting: { channels: ['pos'] } }),
    anAutomatic('eur-only', ten, { targeting: { currency: 'EUR' } }),
    { id: 'boots', kind: 'automatic', priority: 1, rules: [{ conditions: needs({ category: ['apparel/shoes'] }), reward: ten }] },
    { id: 'mugs', kind: 'automatic', priority: 1, rules: [{ conditions: needs({ category: ['kitchen/mugs'] }), reward: ten }] },
    { id: 'brand-or-sku', kind: 'automatic', priority: 2, rules: [{ conditions: { any: [needs({ brand: ['Ridge'] }), needs({ sku: ['NOPE'] })] }, reward: ten }] },
    { id: 'not-keyed', kind: 'automatic', priority: 3, rules: [{ conditions: needs({ not: { brand: ['X'] } }), reward: ten }] },
    { id: 'cf', kind: 'automatic', priority: 4, rules: [{ conditions: { all: [{ subtotalAtLeast: 1 }, needs({ customField: { name: 'age', in: ['kids'] } })] }, reward: ten }] },
  ];
  const index = compilePromotions(promotions, someSettings());
  const cart = aCart().withLine({ unitPrice: 1000, categories: ['apparel/shoes/boots'], brand: 'Ridge' }).build();

  it('looks only at promotions of the channel and currency whose conditions the cart can meet, in priority order', () => {
    expect(index.candidates(cart)).toEqual(['boots', 'brand-or-sku', 'not-keyed', 'web-any']);
  });

  it('finds promotions by custom field value too', () => {
    const kids = aCart().withLine({ unitPrice: 1000, customFields: { age: 'kids' } }).build();
    expect(index.candidates(kids)).toEqual(['not-keyed', 'cf', 'web-any']);
  });

  it('ignores lines that do not qualify when looking up keys', () => {
    const gift = aCart().withLine({ unitPrice: 1000, categories: ['kitchen/mugs'], giftCertificate: true }).build();
    expect(index.candidates(gift)).toEqual(['not-keyed', 'web-any']);
  });

  it('prices the same with the index as the full rules would', () => {
    const result = index.price(cart, '2026-11-20T15:00:00Z');
    expect(result.applied).toEqual(['boots', 'brand-or-sku', 'not-keyed', 'web-any']);
  });

  it('lists refused promotions instead of throwing, and prices without them', () => {
    const withBad = compilePromotions([...promotions, { id: 'bad', kind: 'automatic', rules: [{ reward: { type: 'orderPercent', percent: 300 } }] }, 'garbage'], someSettings());
    expect(withBad.refused.map((r) => [r.index, r.promotionId, r.errors[0]?.field])).toEqual([
      [8, 'bad', 'rules[0].reward.percent'],
      [9, null, '(root)'],
    ]);
    expect(withBad.size).toBe(8);
    expect(Object.isFrozen(withBad)).toBe(true);
  });
});

describe('price options (bulk codes, live usage and budget)', () => {
  const bulk = { id: 'winback', kind: 'coupon', codes: ['WINBACK'], rules: [{ reward: { type: 'orderAmount', amount: 300 } }] };
  const index = compilePromotions([bulk], someSettings());
  const cart = aCart().withLine({ unitPrice: 1000 }).withCodes('x7k-2pq').build();

  it('applies a code the index does not list when the call maps it to a coupon promotion', () => {
    expect(index.price(cart, '2026-11-20T15:00:00Z').codes['x7k-2pq']).toMatchObject({ status: 'rejected', reason: 'unknown' });
    const result = index.price(cart, '2026-11-20T15:00:00Z', { extraCodes: new Map([['x7k-2pq', 'winback']]) });
    expect(result.codes['x7k-2pq']).toMatchObject({ status: 'applied', promotionId: 'winback', discount: 300 });
    expect(result.total).toBe(700);
  });

  it('checks the usage the call gives instead of the promotion own usage', () => {
    const spent = { limit: 5, used: 5, perCustomer: null, usedBy: new Map<string, number>() };
    const usedByCustomer = { limit: null, used: 0, perCustomer: 1, usedBy: new Map([['cu-1', 1]]) };
    const listed = aCart().withLine({ unitPrice: 1000 }).withCodes('winback').build();
    expect(index.price(listed, '2026-11-20T15:00:00Z', { usage: () => spent }).codes['winback']).toMatchObject({ reason: 'limit_reached' });
    expect(index.price(listed, '2026-11-20T15:00:00Z', { usage: () => usedByCustomer }).codes['winback']).toMatchObject({ reason: 'already_used_by_customer' });
    expect(index.price(listed, '2026-11-20T15:00:00Z', { usage: () => undefined }).codes['winback']).toMatchObject({ status: 'applied' });
  });

  it('caps a discount at the budget the call says is left, and refuses the code at 0 (rule 19)', () => {
    const listed = aCart().withLine({ unitPrice: 1000 }).withCodes('winback').build();
    // 300 off asked; 120 left gives 120, the total 1000 - 120.
    const capped = index.price(listed, '2026-11-20T15:00:00Z', { budgetRemaining: () => 120 });
    expect(capped.codes['winback']).toMatchObject({ status: 'applied', discount: 120 });
    expect(capped.total).toBe(880);
    expect(index.price(listed, '2026-11-20T15:00:00Z', { budgetRemaining: () => 0 }).codes['winback']).toMatchObject({ status: 'rejected', reason: 'budget_exhausted' });
    expect(index.price(listed, '2026-11-20T15:00:00Z', { budgetRemaining: () => undefined }).codes['winback']).toMatchObject({ status: 'applied', discount: 300 });
  });
});
