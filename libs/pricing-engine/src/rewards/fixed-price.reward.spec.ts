import { aCart } from '../../test/builders/cart.builder';
import { anAutomatic } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const socks = { include: { category: ['socks'] } };
const cart = aCart()
  .withLine({ unitPrice: 600, quantity: 2, categories: ['socks'] })
  .withLine({ unitPrice: 700, categories: ['socks/wool'] })
  .withLine({ unitPrice: 500, quantity: 3, categories: ['socks'] })
  .build();

describe('fixedPrice.reward', () => {
  it('once: the most expensive group of N for the price, split by value', () => {
    // group 7.00 + 6.00 + 6.00 = 19.00 -> 12.00: 700 split 1200:700 -> 442.1, 257.9 -> 442, 258
    const result = priceWith([anAutomatic('a', { type: 'fixedPrice', quantity: 3, price: 1200, frequency: 'once', items: socks })], cart);
    expect(result.discounts).toEqual({ a: 700 });
    expect(result.allocation['a']).toEqual({ l1: 442, l2: 258 });
  });

  it('unlimited: every full group; a group worth less than the price gives 0', () => {
    // groups: (700, 600, 600) -> 700 off; (500, 500, 500) = 1500 -> 300 off
    const result = priceWith([anAutomatic('a', { type: 'fixedPrice', quantity: 3, price: 1200, frequency: 'unlimited', items: socks })], cart);
    expect(result.discounts).toEqual({ a: 1000 });
    const cheap = priceWith([anAutomatic('a', { type: 'fixedPrice', quantity: 3, price: 1600, frequency: 'unlimited', items: socks })], cart);
    expect(cheap.discounts).toEqual({ a: 300 });
  });
});
