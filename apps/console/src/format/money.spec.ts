import { formatMoney, parseMoney, toDecimalText } from './money';

describe('toDecimalText', () => {
  it('places the point by the exponent', () => {
    expect(toDecimalText(12345, 2)).toBe('123.45');
    expect(toDecimalText(5, 2)).toBe('0.05');
    expect(toDecimalText(-1234, 3)).toBe('-1.234');
    expect(toDecimalText(500, 0)).toBe('500');
  });
});

describe('formatMoney', () => {
  it('shows two decimals for USD and none for JPY', () => {
    expect(formatMoney(12345, 'USD', 'en-US')).toBe('$123.45');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
  });

  it('shows three decimals for KWD', () => {
    expect(formatMoney(1234, 'KWD', 'en-US')).toBe('KWD\u00a01.234');
  });

  it('follows the locale', () => {
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });
});

describe('parseMoney', () => {
  it('reads major units into minor units', () => {
    expect(parseMoney('50', 'USD')).toBe(5000);
    expect(parseMoney('49.9', 'USD')).toBe(4990);
    expect(parseMoney('0,05', 'EUR')).toBe(5);
    expect(parseMoney('700', 'JPY')).toBe(700);
  });

  it('refuses more decimals than the currency has, and text', () => {
    expect(parseMoney('1.234', 'USD')).toBeNull();
    expect(parseMoney('1.5', 'JPY')).toBeNull();
    expect(parseMoney('ten', 'USD')).toBeNull();
    expect(parseMoney('-5', 'USD')).toBeNull();
  });
});
