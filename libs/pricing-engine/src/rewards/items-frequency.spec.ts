import { aCart } from '../../test/builders/cart.builder';
import { priceWith } from '../../test/builders/price-with';

/**
 * #19.6: "once or unlimited per cart" on item rewards. Six tees at 20.00 and two caps at 5.00;
 * the rule's condition is "buys 2 tees", met ⌊6 ÷ 2⌋ = 3 times.
 */
const cart = aCart()
  .withLine({ unitPrice: 2000, quantity: 6, categories: ['tees'] })
  .withLine({ unitPrice: 500, quantity: 2, categories: ['caps'] })
  .build();

const tees = { include: { category: ['tees'] } };
const twoTees = { quantityAtLeast: { count: 2, items: { category: ['tees'] } } };

function promotion(reward: Record<string, unknown>): unknown {
  return { id: 'a', kind: 'automatic', priority: 1, rules: [{ conditions: twoTees, reward }] };
}

describe('item rewards: frequency', () => {
  it('itemsPercent cheapest 1, once: one tee at half price (10.00)', () => {
    const result = priceWith([promotion({ type: 'itemsPercent', percent: 50, items: tees, applyTo: { cheapest: 1 }, frequency: 'once' })], cart);
    expect(result.discounts).toEqual({ a: 1000 });
  });

  it('itemsPercent cheapest 1, unlimited: one tee per 2 bought, 3 × 10.00', () => {
    const result = priceWith([promotion({ type: 'itemsPercent', percent: 50, items: tees, applyTo: { cheapest: 1 }, frequency: 'unlimited' })], cart);
    expect(result.discounts).toEqual({ a: 3000 });
  });

  it('itemsAmount most expensive 1, unlimited: 4.00 off three tees, 12.00', () => {
    const result = priceWith([promotion({ type: 'itemsAmount', amount: 400, items: tees, applyTo: { mostExpensive: 1 }, frequency: 'unlimited' })], cart);
    expect(result.discounts).toEqual({ a: 1200 });
  });

  it('itemsAmount spread, unlimited: 5.00 per time the condition is met, 15.00 over the tees', () => {
    const result = priceWith([promotion({ type: 'itemsAmount', amount: 500, items: tees, applyTo: 'spread', frequency: 'unlimited' })], cart);
    expect(result.discounts).toEqual({ a: 1500 });
    expect(result.allocation['a']).toEqual({ l1: 1500 });
  });

  it('itemsAmount spread, once (the default): 5.00', () => {
    const result = priceWith([promotion({ type: 'itemsAmount', amount: 500, items: tees, applyTo: 'spread' })], cart);
    expect(result.discounts).toEqual({ a: 500 });
  });

  it('unlimited never takes more units than the cart has: cheapest 4 × 3 times is capped at the 6 tees', () => {
    const result = priceWith([promotion({ type: 'itemsPercent', percent: 10, items: tees, applyTo: { cheapest: 4 }, frequency: 'unlimited' })], cart);
    expect(result.discounts).toEqual({ a: 1200 });
  });

  it('refuses a frequency that is neither once nor unlimited on an item reward', () => {
    expect(() => priceWith([promotion({ type: 'itemsAmount', amount: 500, items: tees, applyTo: 'spread', frequency: 'twice' })], cart)).toThrow(/frequency/);
  });
});
