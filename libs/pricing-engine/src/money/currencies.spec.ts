import { CURRENCIES, currencyOf, toCurrencyCode } from './currencies';
import { formatMoney } from './format-money';
import { addMoney, money, subtractMoney } from './money';

describe('currencies', () => {
  it('has the exponents of P8: JPY 0, USD 2, KWD 3', () => {
    expect(CURRENCIES.get('JPY')?.exponent).toBe(0);
    expect(CURRENCIES.get('USD')?.exponent).toBe(2);
    expect(CURRENCIES.get('EUR')?.exponent).toBe(2);
    expect(CURRENCIES.get('KWD')?.exponent).toBe(3);
  });

  it('falls back to a given exponent for a code not in the table', () => {
    expect(currencyOf(toCurrencyCode('XTS'), 2).exponent).toBe(2);
  });
});

describe('formatMoney', () => {
  it('writes minor units with the currency exponent', () => {
    const usd = CURRENCIES.get('USD');
    const jpy = CURRENCIES.get('JPY');
    const kwd = CURRENCIES.get('KWD');
    if (!usd || !jpy || !kwd) throw new Error('table incomplete');
    expect(formatMoney(1250, usd)).toBe('$12.50');
    expect(formatMoney(5, usd)).toBe('$0.05');
    expect(formatMoney(123456789, usd)).toBe('$1,234,567.89');
    expect(formatMoney(300, jpy)).toBe('¥300');
    expect(formatMoney(1235, kwd)).toBe('KWD 1.235');
  });
});

describe('money', () => {
  it('adds and subtracts one currency, never below zero', () => {
    const USD = toCurrencyCode('USD');
    const EUR = toCurrencyCode('EUR');
    expect(addMoney(money(100, USD), money(50, USD))).toEqual({ amount: 150, currency: 'USD' });
    expect(subtractMoney(money(100, USD), money(150, USD))).toEqual({ amount: 0, currency: 'USD' });
    expect(() => addMoney(money(1, USD), money(1, EUR))).toThrow(RangeError);
    expect(() => money(1.5, USD)).toThrow(RangeError);
  });
});
