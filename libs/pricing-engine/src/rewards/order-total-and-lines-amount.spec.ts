import { aCart } from '../../test/builders/cart.builder';
import { aCoupon, anAutomatic, someSettings } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const independent = someSettings({ calculation: 'independent' });
const cart = aCart().withLine({ unitPrice: 6000 }).withLine({ unitPrice: 4000 });
const tenPercent = anAutomatic('a', { type: 'orderPercent', percent: 10 });

describe('fixedOrderTotal (README rule 14)', () => {
  it('in independent mode takes B from the original prices, so the lines may end below the amount', () => {
    // a: 10% of 10000 = 1000 (600/400). Code: B = 10000 (original), discount 10000 - 8000 = 2000, allocated by what is
    // left 5400/3600: 1200/800. The lines end at 10000 - 3000 = 7000, below 8000.
    const result = priceWith([tenPercent, aCoupon('total80', { type: 'fixedOrderTotal', amount: 8000 })], cart.withCodes('TOTAL80').build(), independent);
    expect(result.discounts).toEqual({ a: 1000, total80: 2000 });
    expect(result.allocation['total80']).toEqual({ l1: 1200, l2: 800 });
  });

  it('gives 0 (and still applies) when the lines are already at or below the amount', () => {
    const result = priceWith([aCoupon('total', { type: 'fixedOrderTotal', amount: 10000 })], cart.withCodes('TOTAL').build());
    expect(result.codes['TOTAL']).toMatchObject({ status: 'applied', discount: 0 });
  });

  it('leaves a line that is not discountable at its price', () => {
    const mixed = aCart().withLine({ unitPrice: 6000 }).withLine({ unitPrice: 4000, discountable: false });
    const result = priceWith([anAutomatic('t', { type: 'fixedOrderTotal', amount: 1000 })], mixed.build());
    expect(result.allocation).toEqual({ t: { l1: 5000 } });
  });
});

describe('linesAmount (README rule 13)', () => {
  it('in independent mode still caps at what earlier promotions left', () => {
    // a leaves 5400/3600; 5000 off each line: min(5000, 5400) = 5000, min(5000, 3600) = 3600.
    const result = priceWith([tenPercent, aCoupon('line', { type: 'linesAmount', amount: 5000, items: { anyItem: true } })], cart.withCodes('LINE').build(), independent);
    expect(result.allocation['line']).toEqual({ l1: 5000, l2: 3600 });
  });
});
