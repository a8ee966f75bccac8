import type { ValidationError } from '@promo/pricing-engine';

/** The locale the merchant's tools show money and dates in when the store names none. */
export const DEFAULT_STORE_LOCALE = 'en-US';

/**
 * The store's display locale (X7: money and dates in the console), a BCP 47 tag beside the pricing
 * settings; pricing itself never depends on it. Returns the canonical tag, or the error naming `locale`.
 */
export function parseStoreLocale(value: unknown): { ok: true; locale: string } | { ok: false; error: ValidationError } {
  if (value === undefined || value === null) return { ok: true, locale: DEFAULT_STORE_LOCALE };
  const refuse = (detail: string): { ok: false; error: ValidationError } => ({ ok: false, error: { field: 'locale', reason: 'invalid_value', detail } });
  if (typeof value !== 'string' || value === '' || value.length > 35) return refuse('locale must be a BCP 47 language tag such as "en-US" or "de-DE".');
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (canonical === undefined || Intl.NumberFormat.supportedLocalesOf([canonical]).length === 0) return refuse(`${JSON.stringify(value)} is not a locale this platform can format for.`);
    return { ok: true, locale: canonical };
  } catch {
    return refuse(`${JSON.stringify(value)} is not a BCP 47 language tag.`);
  }
}
