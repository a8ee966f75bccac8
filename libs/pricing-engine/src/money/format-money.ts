import type { Currency } from './currencies';

/**
 * Formats minor units for a shopper sentence ("$12.50", "¥300", "KWD 1.235").
 * Integer arithmetic only, so the text never shows a float artefact.
 */
export function formatMoney(amount: number, currency: Currency): string {
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(currency.exponent + 1, '0');
  const whole = digits.slice(0, digits.length - currency.exponent);
  const fraction = currency.exponent > 0 ? `.${digits.slice(digits.length - currency.exponent)}` : '';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${currency.symbol}${grouped}${fraction}`;
}
