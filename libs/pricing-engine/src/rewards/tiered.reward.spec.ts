import { aCart } from '../../test/builders/cart.builder';
import { anAutomatic } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const tiers = [
  { atLeast: 5000, reward: { type: 'orderPercent', percent: 10 } },
  { atLeast: 20000, reward: { type: 'orderPercent', percent: 20 } },
  { atLeast: 10000, reward: { type: 'orderPercent', percent: 15 } },
];

describe('tiered.reward', () => {
  it('applies only the highest tier reached, tiers in any order', () => {
    const result = priceWith([anAutomatic('a', { type: 'tiered', basis: 'subtotal', tiers })], aCart().withLine({ unitPrice: 20000 }).build());
    expect(result.discounts).toEqual({ a: 4000 });
  });

  it('counts "at least" inclusively', () => {
    expect(priceWith([anAutomatic('a', { type: 'tiered', basis: 'subtotal', tiers })], aCart().withLine({ unitPrice: 10000 }).build()).discounts).toEqual({ a: 1500 });
  });

  it('by quantity', () => {
    const qtyTiers = [{ atLeast: 3, reward: { type: 'orderAmount', amount: 300 } }, { atLeast: 6, reward: { type: 'orderAmount', amount: 900 } }];
    const cart = aCart().withLine({ unitPrice: 1000, quantity: 4 }).build();
    expect(priceWith([anAutomatic('a', { type: 'tiered', basis: 'quantity', tiers: qtyTiers })], cart).discounts).toEqual({ a: 300 });
  });

  it('does not apply below the lowest tier and says what is missing', () => {
    const result = priceWith([anAutomatic('a', { type: 'tiered', basis: 'subtotal', tiers })], aCart().withLine({ unitPrice: 4000 }).build());
    expect(result.discounts).toEqual({});
    expect(result.notApplied['a']).toMatchObject({ reason: 'condition_not_met', missing: { subtotal: 1000 }, message: 'Add $10.00 more to use this promotion.' });
  });
});
