import type { Cart } from '../model/cart';
import type { Settings } from '../model/settings';
import { type ParseResult, type ValidationError, describeValue, isRecord } from './issues';
import { parseCart } from './parse-cart';
import { validatePromotions } from './parse-promotion';
import { parseSettings } from './parse-settings';

/** A pricing request: `{cart, promotions, settings, at}` (conformance README). */
export interface PricingInput {
  readonly cart: Cart;
  /** Promotions in the conformance README shape; validated when compiled. */
  readonly promotions: readonly unknown[];
  readonly settings: Settings;
  /** RFC 3339 instant or a Date. */
  readonly at: Date | string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Parses an untrusted pricing request, reporting every error with its path (`cart.lines[0].quantity`). */
export function parsePricingInput(value: unknown): ParseResult<PricingInput> {
  if (!isRecord(value)) {
    return { ok: false, errors: [{ field: '(root)', reason: 'invalid_type', detail: `The input must be an object with cart, promotions, settings and at; got ${describeValue(value)}.` }] };
  }
  const errors: ValidationError[] = [];
  const cart = parseCart(value['cart'], 'cart');
  if (!cart.ok) errors.push(...cart.errors);
  const settings = parseSettings(value['settings'], 'settings');
  if (!settings.ok) errors.push(...settings.errors);
  const rawPromotions = value['promotions'] ?? [];
  errors.push(...validatePromotions(rawPromotions, 'promotions'));
  const at = value['at'];
  if (typeof at !== 'string') errors.push({ field: 'at', reason: at === undefined ? 'required' : 'invalid_type', detail: 'at must be an RFC 3339 instant such as 2026-11-20T15:00:00Z.' });
  else if (!RFC3339.test(at) || !Number.isFinite(Date.parse(at))) errors.push({ field: 'at', reason: 'invalid_format', detail: `at must be an RFC 3339 instant, got ${JSON.stringify(at)}.` });
  if (errors.length > 0 || !cart.ok || !settings.ok || typeof at !== 'string' || !Array.isArray(rawPromotions)) return { ok: false, errors };
  const promotions: readonly unknown[] = rawPromotions;
  return { ok: true, value: { cart: cart.value, promotions, settings: settings.value, at } };
}
