import { hasControlCharacter, MAX_CODE_LENGTH, MAX_CODE_TOKEN_LENGTH } from '@promo/contracts/http';
import { type Cart, CURRENCIES, type ValidationError, parseCart } from '@promo/pricing-engine';

export interface PriceRequest {
  readonly cart: Cart;
  /** The email-link token that binds a code to this customer (C-issue), when the shopper came from one. */
  readonly token: string | null;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Bounds on what reaches code-inventory and this replica's lookup cache (#19): a code or token that
 * code-inventory would refuse is refused here, and a control character never gets in (the cache keys and the
 * bulk-only placeholder code are built with them).
 */
function textErrors(value: string, field: string, what: string, maxLength: number): ValidationError[] {
  if (value.length > maxLength) return [{ field, reason: 'too_long', detail: `${what} must be at most ${maxLength} characters.` }];
  if (hasControlCharacter(value)) return [{ field, reason: 'invalid_character', detail: `${what} must not contain control characters.` }];
  return [];
}

/**
 * A cart as in `cart.updated` (plus an optional `token`) from untrusted input. The currency's exponent comes
 * from the engine's table (P8), so an unknown currency is a 400, not a guess. `path` prefixes field paths.
 */
export function parsePriceRequest(body: unknown, path = ''): { ok: true; request: PriceRequest } | { ok: false; errors: readonly ValidationError[] } {
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  if (!isRecord(body)) return { ok: false, errors: [{ field: path === '' ? '(root)' : path, reason: 'invalid_type', detail: 'The cart must be a JSON object.' }] };
  const errors: ValidationError[] = [];
  const currency = body['currency'];
  const known = typeof currency === 'string' ? CURRENCIES.get(currency) : undefined;
  if (typeof currency === 'string' && known === undefined) {
    errors.push({ field: at('currency'), reason: 'unknown_currency', detail: `${currency} is not a currency this platform prices in.` });
  }
  const token = body['token'];
  if (token !== undefined && token !== null && (typeof token !== 'string' || token === '')) {
    errors.push({ field: at('token'), reason: 'invalid_type', detail: 'token must be the text of an email-link token.' });
  } else if (typeof token === 'string') errors.push(...textErrors(token, at('token'), 'token', MAX_CODE_TOKEN_LENGTH));
  const codes = body['codes'];
  if (Array.isArray(codes)) {
    codes.forEach((code: unknown, i) => {
      if (typeof code === 'string') errors.push(...textErrors(code.trim(), `${at('codes')}[${i}]`, 'A code', MAX_CODE_LENGTH));
    });
  }
  const { token: _token, currencyExponent: _exponent, ...cartFields } = body;
  const parsed = parseCart(known === undefined ? cartFields : { ...cartFields, currencyExponent: known.exponent }, path);
  if (!parsed.ok) errors.push(...parsed.errors.filter((error) => !(known === undefined && error.field === at('currencyExponent'))));
  if (!parsed.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, request: { cart: parsed.value, token: typeof token === 'string' ? token : null } };
}
