import { taxShares } from './tax-shares';

describe('taxShares (README rule 11)', () => {
  it.each([
    // 600 at 20%: 600 × 2000 / 12000 = 100 exactly.
    [600, 2000, { taxDiscount: 100, netDiscount: 500 }],
    // 501 at 20%: 83.5 rounds half up to 84.
    [501, 2000, { taxDiscount: 84, netDiscount: 417 }],
    // 597 at 10%: 54.27 rounds down to 54.
    [597, 1000, { taxDiscount: 54, netDiscount: 543 }],
    // Zero-rated, and no discount at all.
    [501, 0, { taxDiscount: 0, netDiscount: 501 }],
    [0, 2000, { taxDiscount: 0, netDiscount: 0 }],
    // 100% tax: half of the gross discount, 1.5 rounding up to 2.
    [3, 10_000, { taxDiscount: 2, netDiscount: 1 }],
  ])('splits %i at %i basis points into %j', (discount, rate, expected) => {
    expect(taxShares(discount, rate)).toEqual(expected);
  });
});
