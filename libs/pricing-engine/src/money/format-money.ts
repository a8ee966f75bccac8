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
  return `${negative ? '-' : ''}${currency.symbol}${groupThousands(whole)}${fraction}`;
}

const DIGITS = /^\d+$/;

/** "1234567" as "1,234,567". */
function groupThousands(whole: string): string {
  if (whole.length <= 3) return whole;
  if (!DIGITS.test(whole)) return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let grouped = whole.slice(0, whole.length % 3 || 3);
  for (let i = grouped.length; i < whole.length; i += 3) grouped += `,${whole.slice(i, i + 3)}`;
  return grouped;
}
