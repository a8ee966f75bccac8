import { aCart } from '../../test/builders/cart.builder';
import { anAutomatic, someSettings } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const threeLines = aCart()
  .withLine({ unitPrice: 4300 })
  .withLine({ unitPrice: 1400 })
  .withLine({ unitPrice: 2300 })
  .build();

describe('orderPercent.reward', () => {
  it('takes the percentage of the order once and allocates it by line value', () => {
    // 12.5% of 80.00 = 10.00; 1000 × 43/80 = 537.5, × 14/80 = 175, × 23/80 = 287.5 -> 537, 175, 287 + 1 to l1 (tie, earlier)
    const result = priceWith([anAutomatic('a', { type: 'orderPercent', percent: 12.5 })], threeLines);
    expect(result.discounts).toEqual({ a: 1000 });
    expect(result.allocation['a']).toEqual({ l1: 538, l2: 175, l3: 287 });
  });

  it('leaves gift certificates out of the base', () => {
    const cart = aCart().withLine({ unitPrice: 1000 }).withLine({ unitPrice: 5000, giftCertificate: true }).build();
    expect(priceWith([anAutomatic('a', { type: 'orderPercent', percent: 50 })], cart).discounts).toEqual({ a: 500 });
  });
});

describe('orderAmount.reward', () => {
  it('allocates by largest remainder: 2.99 over 43.00, 14.00, 23.00', () => {
    const result = priceWith([anAutomatic('a', { type: 'orderAmount', amount: 299 })], threeLines);
    expect(result.allocation['a']).toEqual({ l1: 161, l2: 52, l3: 86 });
  });

  it('never takes the order below zero', () => {
    const result = priceWith([anAutomatic('a', { type: 'orderAmount', amount: 100_000 })], threeLines);
    expect(result.discounts).toEqual({ a: 8000 });
    expect(result.total).toBe(0);
  });

  it('in independent mode takes each amount from the original price but caps at what is left', () => {
    const promotions = [
      anAutomatic('a', { type: 'orderAmount', amount: 6000 }, { priority: 1 }),
      anAutomatic('b', { type: 'orderAmount', amount: 6000 }, { priority: 2 }),
    ];
    const result = priceWith(promotions, threeLines, someSettings({ calculation: 'independent' }));
    expect(result.discounts).toEqual({ a: 6000, b: 2000 });
    expect(result.total).toBe(0);
  });
});
