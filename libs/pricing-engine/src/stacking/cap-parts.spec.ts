import { capParts } from './cap-parts';

describe('capParts (README rules 15 and 19)', () => {
  it.each([
    // Within the cap, or exactly at it: nothing changes.
    [[600, 400], 1000, null],
    [[600, 400], 1001, null],
    // 1000 by the parts 1000/1000/1000: 333.33 each, the remaining unit to the earliest of equal remainders.
    [[1000, 1000, 1000], 1000, [334, 333, 333]],
    // 1500 by 1200/800: 900/600 exactly.
    [[1200, 800], 1500, [900, 600]],
    // A shipping part after the lines: 300 of a single 400 part.
    [[0, 0, 400], 300, [0, 0, 300]],
    // A cap of 0 (a budget) takes everything back.
    [[5, 7], 0, [0, 0]],
  ])('caps %j at %i: %j', (parts, cap, expected) => {
    expect(capParts(parts, cap)).toEqual(expected);
  });
});
