import { aCart } from '../../test/builders/cart.builder';
import { anAutomatic } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const cart = aCart()
  .withLine({ unitPrice: 1005, quantity: 3, categories: ['shoes'] })
  .withLine({ unitPrice: 995, quantity: 2, categories: ['shoes'] })
  .withLine({ unitPrice: 3000, categories: ['bags'] })
  .build();

const shoes = { include: { category: ['shoes'] } };

describe('itemsPercent.reward', () => {
  it('each: rounds per line (10% of 30.15 = 3.015 -> 3.02; of 19.90 = 1.99)', () => {
    const result = priceWith([anAutomatic('a', { type: 'itemsPercent', percent: 10, applyTo: 'each', items: shoes })], cart);
    expect(result.allocation['a']).toEqual({ l1: 302, l2: 199 });
  });

  it('each with maxQuantityPerLine: only that many units (10% of one 10.05 = 1.005 -> 1.01)', () => {
    const result = priceWith([anAutomatic('a', { type: 'itemsPercent', percent: 10, applyTo: 'each', maxQuantityPerLine: 1, items: shoes })], cart);
    expect(result.allocation['a']).toEqual({ l1: 101, l2: 100 });
  });

  it('spread: rounds once on the matching total then allocates (10% of 50.05 = 5.005 -> 5.01)', () => {
    const result = priceWith([anAutomatic('a', { type: 'itemsPercent', percent: 10, applyTo: 'spread', items: shoes })], cart);
    expect(result.discounts).toEqual({ a: 501 });
    // 501 × 3015/5005 = 301.8, × 1990/5005 = 199.2 -> 301 + 1, 199
    expect(result.allocation['a']).toEqual({ l1: 302, l2: 199 });
  });

  it('cheapest N: the N cheapest units, rounded once per line', () => {
    // cheapest 3 units: 2 × 9.95 (line 2) and 1 × 10.05 (line 1); 50% -> 9.95 and 5.025 -> 5.03
    const result = priceWith([anAutomatic('a', { type: 'itemsPercent', percent: 50, applyTo: { cheapest: 3 }, items: { include: { anyItem: true } } })], cart);
    expect(result.allocation['a']).toEqual({ l1: 503, l2: 995 });
  });

  it('most expensive N: the N dearest units', () => {
    const result = priceWith([anAutomatic('a', { type: 'itemsPercent', percent: 50, applyTo: { mostExpensive: 2 }, items: { include: { anyItem: true } } })], cart);
    expect(result.allocation['a']).toEqual({ l3: 1500, l1: 503 });
  });
});
