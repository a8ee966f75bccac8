import { cartValue } from './cart-value';

describe('cartValue', () => {
  it('sums unit price times quantity over every line, in minor units', () => {
    expect(cartValue([{ unitPrice: 3185, quantity: 3 }, { unitPrice: 500, quantity: 1 }])).toBe(10055);
  });

  it('is zero for an empty cart', () => {
    expect(cartValue([])).toBe(0);
  });
});
