import { allocate } from './allocate';

describe('allocate', () => {
  // Vendure prorate.spec.ts style table: parts always sum to the whole.
  it.each([
    [299, [4300, 1400, 2300], [161, 52, 86]],
    [200, [100, 300], [50, 150]],
    [500, [4800, 3750], [281, 219]],
    [2000, [3000, 4500, 1000], [706, 1059, 235]],
    [10, [1, 1, 1], [4, 3, 3]],
    [1, [1, 1], [1, 0]],
    [0, [5, 5], [0, 0]],
    [7, [0, 0], [0, 0]],
    [100, [0, 50, 50], [0, 50, 50]],
  ])('splits %i over %j as %j', (total, weights, expected) => {
    expect(allocate(total, weights)).toEqual(expected);
  });

  it('gives ties in remainder to the earlier weight', () => {
    expect(allocate(5, [1, 1, 1, 1])).toEqual([2, 1, 1, 1]);
  });

  it('keeps parts summing to the whole for huge weights', () => {
    const parts = allocate(9_000_000_000_000, [3_000_000_000_000, 3_000_000_000_000, 3_000_000_000_001]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(9_000_000_000_000);
    expect(parts).toEqual([3_000_000_000_000, 3_000_000_000_000, 3_000_000_000_000]);
  });

  it('refuses negative or fractional inputs', () => {
    expect(() => allocate(-1, [1])).toThrow(RangeError);
    expect(() => allocate(1, [0.5])).toThrow(RangeError);
  });
});
