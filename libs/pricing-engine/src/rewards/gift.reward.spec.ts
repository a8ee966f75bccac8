import { aCart } from '../../test/builders/cart.builder';
import { priceWith } from '../../test/builders/price-with';

const coffee = aCart().withLine({ unitPrice: 1800, quantity: 5, categories: ['coffee'] }).build();

function giftPromotion(frequency: string, conditions: unknown): unknown {
  return { id: 'g', kind: 'automatic', priority: 1, rules: [{ conditions, reward: { type: 'gift', sku: 'MUG', productId: 'p-mug', quantity: 2, frequency } }] };
}

describe('gift.reward', () => {
  it('gives the gift once, free, outside subtotal and discounts', () => {
    const result = priceWith([giftPromotion('once', { quantityAtLeast: { count: 2, items: { category: ['coffee'] } } })], coffee);
    expect(result.gifts).toEqual([{ promotionId: 'g', sku: 'MUG', quantity: 2 }]);
    expect(result.discounts).toEqual({});
    expect(result.total).toBe(9000);
  });

  it('unlimited: once per time a single quantity condition is met (5 bags, every 2 -> 2 times)', () => {
    const result = priceWith([giftPromotion('unlimited', { quantityAtLeast: { count: 2, items: { category: ['coffee'] } } })], coffee);
    expect(result.gifts).toEqual([{ promotionId: 'g', sku: 'MUG', quantity: 4 }]);
  });

  it('unlimited with a nested condition gives it once', () => {
    const result = priceWith([giftPromotion('unlimited', { all: [{ subtotalAtLeast: 1000 }, { subtotalAtLeast: 2000 }] })], coffee);
    expect(result.gifts).toEqual([{ promotionId: 'g', sku: 'MUG', quantity: 2 }]);
  });

  it('gives nothing when the condition is not met', () => {
    expect(priceWith([giftPromotion('once', { subtotalAtLeast: 10_000 })], coffee).gifts).toEqual([]);
  });
});
