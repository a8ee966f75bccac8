/** ISO 4217 currency code, three upper-case letters. */
export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

/** A currency: its exponent (minor units per major unit = 10^exponent) and a display symbol. */
export interface Currency {
  readonly code: CurrencyCode;
  readonly exponent: number;
  readonly symbol: string;
}

const TABLE: ReadonlyArray<readonly [string, number, string]> = [
  ['AED', 2, 'AED '], ['ARS', 2, 'ARS '], ['AUD', 2, 'A$'], ['BHD', 3, 'BHD '], ['BRL', 2, 'R$'],
  ['CAD', 2, 'CA$'], ['CHF', 2, 'CHF '], ['CLP', 0, 'CLP '], ['CNY', 2, 'CN¥'], ['COP', 2, 'COP '],
  ['CZK', 2, 'CZK '], ['DKK', 2, 'DKK '], ['EGP', 2, 'EGP '], ['EUR', 2, '€'], ['GBP', 2, '£'],
  ['HKD', 2, 'HK$'], ['HUF', 2, 'HUF '], ['IDR', 2, 'IDR '], ['ILS', 2, '₪'], ['INR', 2, '₹'],
  ['IQD', 3, 'IQD '], ['ISK', 0, 'ISK '], ['JOD', 3, 'JOD '], ['JPY', 0, '¥'], ['KRW', 0, '₩'],
  ['KWD', 3, 'KWD '], ['LYD', 3, 'LYD '], ['MXN', 2, 'MX$'], ['MYR', 2, 'RM'], ['NOK', 2, 'NOK '],
  ['NZD', 2, 'NZ$'], ['OMR', 3, 'OMR '], ['PHP', 2, '₱'], ['PLN', 2, 'PLN '], ['PYG', 0, 'PYG '],
  ['RON', 2, 'RON '], ['SAR', 2, 'SAR '], ['SEK', 2, 'SEK '], ['SGD', 2, 'S$'], ['THB', 2, '฿'],
  ['TND', 3, 'TND '], ['TRY', 2, 'TRY '], ['TWD', 2, 'NT$'], ['UGX', 0, 'UGX '], ['USD', 2, '$'],
  ['VND', 0, '₫'], ['XAF', 0, 'FCFA '], ['XOF', 0, 'CFA '], ['ZAR', 2, 'R'],
];

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** The one currency table of the engine (STYLE.md "Money"), keyed by code. */
export const CURRENCIES: ReadonlyMap<string, Currency> = new Map(
  TABLE.map(([code, exponent, symbol]) => [code, { code: toCurrencyCode(code), exponent, symbol }]),
);

/** True for a syntactically valid ISO 4217 code. */
export function isCurrencyCode(value: string): value is CurrencyCode {
  return CURRENCY_PATTERN.test(value);
}

/** The currency for `code`, or one built from a caller-given exponent when the table lacks it. */
export function currencyOf(code: CurrencyCode, fallbackExponent: number): Currency {
  return CURRENCIES.get(code) ?? { code, exponent: fallbackExponent, symbol: `${code} ` };
}

/** The code as a CurrencyCode; throws RangeError when it is not three upper-case letters. */
export function toCurrencyCode(code: string): CurrencyCode {
  if (!isCurrencyCode(code)) throw new RangeError(`Not a currency code: ${code}`);
  return code;
}
