import { formatAmount } from './money-text';

describe('formatAmount', () => {
  it.each([
    [1234, 'JPY', 'en-US', '¥1,234'],
    [5000, 'USD', 'en-US', '$50.00'],
    [1235, 'KWD', 'en-US', 'KWD\u00a01.235'],
    [-5, 'EUR', 'en-US', '-€0.05'],
    [123456789, 'USD', 'de-DE', '1.234.567,89\u00a0$'],
    [1234, 'JPY', 'de-DE', '1.234\u00a0¥'],
  ])('%d minor units of %s in %s read %s', (minor, currency, locale, expected) => {
    expect(formatAmount(minor, currency, locale)).toBe(expected);
  });

  it('keeps every digit of an amount beyond float precision', () => {
    expect(formatAmount(9_007_199_254_740_991, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });
});
