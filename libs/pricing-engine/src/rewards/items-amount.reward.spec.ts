import { aCart } from '../../test/builders/cart.builder';
import { aCoupon, anAutomatic } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const cart = aCart()
  .withLine({ unitPrice: 100, quantity: 3, categories: ['paper'] })
  .withLine({ unitPrice: 50, quantity: 2, categories: ['paper'] })
  .withLine({ unitPrice: 900, categories: ['pens'] })
  .build();
const paper = { include: { category: ['paper'] } };

describe('itemsAmount.reward', () => {
  it('each: the amount off every unit, capped at the unit price', () => {
    const result = priceWith([anAutomatic('a', { type: 'itemsAmount', amount: 60, applyTo: 'each', items: paper })], cart);
    expect(result.allocation['a']).toEqual({ l1: 180, l2: 100 });
  });

  it('each with maxQuantityPerLine', () => {
    const result = priceWith([anAutomatic('a', { type: 'itemsAmount', amount: 60, applyTo: 'each', maxQuantityPerLine: 1, items: paper })], cart);
    expect(result.allocation['a']).toEqual({ l1: 60, l2: 50 });
  });

  it('spread: the amount over the matching lines in proportion to their totals', () => {
    const result = priceWith([anAutomatic('a', { type: 'itemsAmount', amount: 100, applyTo: 'spread', items: paper })], cart);
    expect(result.allocation['a']).toEqual({ l1: 75, l2: 25 });
  });

  it('spread: never more than the matching lines are worth', () => {
    const result = priceWith([aCoupon('big', { type: 'itemsAmount', amount: 10_000, applyTo: 'spread', items: paper })], aCart({ ...cart, codes: ['BIG'] }).build());
    expect(result.discounts).toEqual({ big: 400 });
  });
});
