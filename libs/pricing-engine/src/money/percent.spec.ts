import { percentOf, toBasisPoints } from './percent';

describe('percentOf', () => {
  it('takes basis points of minor units, rounding half up once', () => {
    expect(percentOf(1999, 1500)).toBe(300); // 299.85 yen
    expect(percentOf(12345, 1000)).toBe(1235); // 1.2345 KWD -> 1.235
    expect(percentOf(140292, 1000)).toBe(14029); // 14029.2
    expect(percentOf(1990, 1500)).toBe(299); // 298.5
  });
});

describe('toBasisPoints', () => {
  it('reads decimal percentages with up to two decimals', () => {
    expect(toBasisPoints(12.5)).toBe(1250);
    expect(toBasisPoints(33.33)).toBe(3333);
    expect(toBasisPoints(0.07)).toBe(7);
    expect(toBasisPoints(100)).toBe(10_000);
  });

  it('refuses finer percentages', () => {
    expect(toBasisPoints(12.345)).toBeNull();
  });
});
