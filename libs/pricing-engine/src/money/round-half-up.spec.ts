import { mulDivHalfUp, roundHalfUp } from './round-half-up';

describe('roundHalfUp', () => {
  it('rounds exactly one half up (1.005 dollars of 10% of $10.05 becomes 101 cents)', () => {
    expect(roundHalfUp(1005 * 1000, 10_000)).toBe(101);
  });

  it('rounds below one half down (0.4 down)', () => {
    expect(roundHalfUp(14, 10)).toBe(1);
    expect(roundHalfUp(15, 10)).toBe(2);
    expect(roundHalfUp(149, 100)).toBe(1);
  });

  it('keeps exact quotients', () => {
    expect(roundHalfUp(300, 3)).toBe(100);
    expect(roundHalfUp(0, 7)).toBe(0);
  });

  it('stays exact beyond 2^53 through bigint', () => {
    // 9007199254740991 * 10 / 20 = 4503599627370495.5 -> 4503599627370496; the product is past 2^53.
    expect(mulDivHalfUp(9_007_199_254_740_991, 10, 20)).toBe(4_503_599_627_370_496);
    // ... * 7 / 20 = 3152519739159346.85 -> 3152519739159347
    expect(mulDivHalfUp(9_007_199_254_740_991, 7, 20)).toBe(3_152_519_739_159_347);
    expect(mulDivHalfUp(9_007_199_254_740_991, 5000, 10_000)).toBe(4_503_599_627_370_496);
  });

  it('refuses a zero denominator or a negative numerator', () => {
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUp(-1, 2)).toThrow(RangeError);
  });
});
