import type { CartShippingMethod } from '../index';
import { aCart } from '../../test/builders/cart.builder';
import { aCoupon, anAutomatic, someSettings } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const cart = aCart().withLine({ unitPrice: 6000 }).withLine({ unitPrice: 4000 });

describe('maxDiscount (README rules 15 and 20)', () => {
  it('caps each rule before the next rule of the same promotion, which sees what it left', () => {
    // Rule 1: 50% of 10000 = 5000 (3000/2000), capped at 1000: 600/400. Rule 2 (cumulative) takes 10% of what is
    // left, 5400 + 3600 = 9000: 900 (540/360). Without the cap before it, rule 2 would take 10% of 5000.
    const promotion = anAutomatic('two', {}, {
      rules: [{ reward: { type: 'orderPercent', percent: 50, maxDiscount: 1000 } }, { reward: { type: 'orderPercent', percent: 10 } }],
    });
    const result = priceWith([promotion], cart.build());
    expect(result.allocation['two']).toEqual({ l1: 1140, l2: 760 });
  });

  it("applies the cap of the tier a tiered rule reaches", () => {
    const tiered = anAutomatic('tier', {
      type: 'tiered', basis: 'subtotal', tiers: [{ atLeast: 0, reward: { type: 'orderPercent', percent: 10 } }, { atLeast: 5000, reward: { type: 'orderPercent', percent: 20, maxDiscount: 1500 } }],
    });
    expect(priceWith([tiered], cart.build()).discounts).toEqual({ tier: 1500 });
  });

  it('in independent mode caps what the rule actually gives after the cap at what is left', () => {
    // a takes 9000 of 10000 (5400/3600, 600/400 left). b: 50% of the original 10000 = 5000 by what is left 600/400:
    // 3000/2000, capped at what is left: 600/400 = 1000, within its cap of 2000.
    const a = anAutomatic('a', { type: 'orderPercent', percent: 90 });
    const b = aCoupon('b', { type: 'orderPercent', percent: 50, maxDiscount: 2000 });
    const result = priceWith([a, b], cart.withCodes('B').build(), someSettings({ calculation: 'independent' }));
    expect(result.discounts).toEqual({ a: 9000, b: 1000 });
  });
});

describe('budget (README rules 19 and 21)', () => {
  it('skips an automatic promotion with no budget left, which then does not stop the ones after it', () => {
    const spent = anAutomatic('spent', { type: 'orderPercent', percent: 20 }, { stopAfter: true, limits: { budgetRemaining: 0 } });
    const next = anAutomatic('next', { type: 'orderPercent', percent: 10 }, { priority: 2 });
    const result = priceWith([spent, next], cart.build());
    expect(result.discounts).toEqual({ next: 1000 });
    expect(result.notApplied['spent']).toMatchObject({ reason: 'budget_exhausted', message: 'This promotion has run out of budget.' });
  });

  it('caps the whole promotion, shipping included, and leaves gifts alone', () => {
    const shipped = cart.withShipping({ country: 'US', zone: 'domestic', method: 'standard', amount: 1000 }).withCodes('ALL').build();
    // 10% of lines = 1000 (600/400) plus free shipping 1000: T = 2000 > 500 -> 500 split by 600/400/1000: 150/100/250.
    const promotion = aCoupon('all', {}, {
      limits: { budgetRemaining: 500 },
      rules: [{ reward: { type: 'orderPercent', percent: 10 } }, { reward: { type: 'freeShipping' } }, { reward: { type: 'gift', sku: 'G' } }],
    });
    const result = priceWith([promotion], shipped);
    expect(result.allocation['all']).toEqual({ l1: 150, l2: 100 });
    expect(result.shipping).toEqual({ amount: 1000, discount: 250, total: 750 });
    expect(result.gifts).toEqual([{ promotionId: 'all', sku: 'G', quantity: 1 }]);
    expect(result.codes['ALL']).toMatchObject({ status: 'applied', discount: 500 });
  });
});

describe('several shipping methods (README rule 12)', () => {
  const toUs: CartShippingMethod = { methodId: 'm1', zone: 'domestic', method: 'standard', country: 'US', amount: 500 };
  const noCountry: CartShippingMethod = { methodId: 'm2', zone: 'domestic', method: 'standard', amount: 300 };
  const methods = [toUs, noCountry];

  it('lets a country include list pass only when every method has a listed country', () => {
    const us = anAutomatic('us', { type: 'freeShipping' }, { targeting: { countries: { include: ['US'] } } });
    expect(priceWith([us], { ...cart.build(), shipping: methods }).notApplied['us']).toMatchObject({ reason: 'customer_not_eligible' });
    expect(priceWith([us], { ...cart.build(), shipping: [] }).notApplied['us']).toMatchObject({ reason: 'customer_not_eligible' });
    const both = priceWith([us], { ...cart.build(), shipping: [toUs, { ...toUs, methodId: 'm2' }] });
    expect(both.shippingMethods?.map((m) => m.total)).toEqual([0, 0]);
  });

  it('fails a country exclude list when any method goes there', () => {
    const notCa = anAutomatic('nca', { type: 'freeShipping' }, { targeting: { countries: { exclude: ['CA'] } } });
    expect(priceWith([notCa], { ...cart.build(), shipping: methods }).discounts).toEqual({ nca: 800 });
    expect(priceWith([notCa], { ...cart.build(), shipping: [...methods, { ...noCountry, methodId: 'm3', country: 'CA' }] }).notApplied['nca']).toMatchObject({ reason: 'customer_not_eligible' });
  });

  it('reports an empty list as zero shipping with no methods', () => {
    const result = priceWith([], { ...cart.build(), shipping: [] });
    expect([result.shipping, result.shippingMethods]).toEqual([{ amount: 0, discount: 0, total: 0 }, []]);
  });

  it('splits a capped shipping percent over the methods in proportion (Medusa\'s "across" allocation)', () => {
    // 100% of 500 and 300 = 800, capped at 400: 250/150.
    const across = anAutomatic('across', { type: 'shippingPercent', percent: 100, maxDiscount: 400 });
    expect(priceWith([across], { ...cart.build(), shipping: methods }).shippingMethods?.map((m) => m.discount)).toEqual([250, 150]);
  });
});
