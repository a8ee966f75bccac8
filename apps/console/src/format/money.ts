import { CURRENCIES } from '@promo/pricing-engine';

/** Minor units per major unit as a power of ten, from the engine's one currency table (P8). */
export function exponentOf(currency: string): number {
  return CURRENCIES.get(currency)?.exponent ?? 2;
}

/** `12345` minor units of a 2-exponent currency as the decimal text "123.45", without floating point. */
export function toDecimalText(amount: number, exponent: number): string {
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const major = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return amount < 0 ? `-${major}` : major;
}

/** An amount in minor units shown in the store's locale with the currency's exponent. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const exponent = exponentOf(currency);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
  // Intl formats a decimal string exactly (no float rounding of large amounts).
  return format.format(toDecimalText(amount, exponent) as Intl.StringNumericLiteral);
}

/** A typed amount ("123.4", "123,40") as minor units, or null when it is not a plain amount with at most `exponent` decimals. */
export function parseMoney(text: string, currency: string): number | null {
  const exponent = exponentOf(currency);
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (match === null) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const minor = Number(`${match[1]}${fraction.padEnd(exponent, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}
