import { CURRENCIES } from '@promo/pricing-engine';

/** `12345` minor units with `exponent` 2 as the decimal text "123.45", in integer arithmetic only. */
function decimalText(minor: number, exponent: number): string {
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const major = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return minor < 0 ? `-${major}` : major;
}

/**
 * Minor units as an email shows them (#19.8): the currency's exponent from the engine's one currency
 * table (¥1234 is "¥1,234", not "12.34"), written the way the store's locale writes money. A currency
 * the table lacks takes the exponent Intl knows for it.
 */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const known = CURRENCIES.get(currency)?.exponent;
  let format: Intl.NumberFormat;
  try {
    const exponent = known ?? new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
  } catch {
    // Not an ISO 4217 code Intl accepts: the amount in the table's exponent (2 when unknown) and the code.
    return `${decimalText(minor, known ?? 2)} ${currency}`;
  }
  // Intl formats a decimal string exactly, no float rounding of large amounts (Intl.NumberFormat v3, Node 20;
  // the TypeScript lib here types format() with number and bigint only).
  const decimal: unknown = decimalText(minor, format.resolvedOptions().maximumFractionDigits ?? 2);
  return format.format(decimal as number);
}
