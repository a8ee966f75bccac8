import { aCart } from '../../test/builders/cart.builder';
import { aCoupon, anAutomatic, someSettings } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

// README rule 10: a line that is not discountable is never discounted, but counts toward conditions while the setting says so.
const cart = aCart()
  .withLine({ unitPrice: 1000, quantity: 2, categories: ['tees'] })
  .withLine({ unitPrice: 3000, quantity: 1, categories: ['tees'], discountable: false });

describe('lines that are never discounted (README rule 10)', () => {
  it('gives no buy-X-get-Y unit from a line that is not discountable, but lets it be bought', () => {
    const bogo = anAutomatic('bogo', {
      type: 'buyXgetY', buy: { quantity: 1, items: { category: ['tees'] } }, get: { quantity: 1, items: { category: ['tees'] }, percent: 100 }, pick: 'mostExpensive', frequency: 'unlimited',
    });
    // Get units come from l1 only (2 units); each round needs one more bought unit: round 1 gets an l1 unit and buys l2's,
    // round 2 gets the other l1 unit but has no unit left to buy, so it gives nothing.
    const result = priceWith([bogo], cart.build());
    expect(result.allocation).toEqual({ bogo: { l1: 1000 } });
  });

  it('keeps the line out of cheapest-unit and fixed-price rewards', () => {
    const cheapest = anAutomatic('cheap', { type: 'itemsPercent', percent: 50, items: { anyItem: true }, applyTo: { mostExpensive: 1 } });
    expect(priceWith([cheapest], cart.build()).allocation).toEqual({ cheap: { l1: 500 } });
    const bundle = anAutomatic('bundle', { type: 'fixedPrice', quantity: 2, price: 1500, items: { anyItem: true }, frequency: 'once' });
    expect(priceWith([bundle], cart.build()).allocation).toEqual({ bundle: { l1: 500 } });
  });

  it('counts the line toward a tier and a quantity condition only while the setting is true', () => {
    const tiered = aCoupon('tier', { type: 'tiered', basis: 'quantity', tiers: [{ atLeast: 3, reward: { type: 'orderAmount', amount: 400 } }] });
    const counted = priceWith([tiered], cart.withCodes('TIER').build());
    expect(counted.discounts).toEqual({ tier: 400 });
    expect(counted.allocation).toEqual({ tier: { l1: 400 } });
    const notCounted = priceWith([tiered], cart.withCodes('TIER').build(), someSettings({ nonDiscountableCountsTowardConditions: false }));
    expect(notCounted.codes['TIER']).toMatchObject({ status: 'rejected', reason: 'condition_not_met', missing: { quantity: 1 } });
  });

  it('never discounts a line that does not qualify, whatever its discountable flag', () => {
    const gc = aCart().withLine({ unitPrice: 2000, giftCertificate: true, discountable: true }).withLine({ unitPrice: 1000 });
    const result = priceWith([anAutomatic('a', { type: 'orderPercent', percent: 10 }, { rules: [{ conditions: { subtotalAtLeast: 1001 }, reward: { type: 'orderPercent', percent: 10 } }] })], gc.build());
    expect(result.notApplied['a']).toMatchObject({ reason: 'condition_not_met', missing: { subtotal: 1 } });
  });
});
