/**
 * @promo/pricing-engine: pricing is a pure function of (cart, promotions, settings, time) (P11).
 * All amounts are integers in minor units of the cart's currency.
 */
import { type PromotionIndex, compilePromotions } from './index/compile';
import type { PricingResult } from './model/result';
import type { ValidationError } from './validation/issues';
import { type PricingInput, parsePricingInput } from './validation/parse-pricing-input';

export { compilePromotions } from './index/compile';
export type { PriceOptions, PromotionIndex, RefusedPromotion } from './index/compile';
export { applyPromotionChange } from './index/apply-change';
export { PersistentMap } from './index/persistent-map';
export type { PromotionChange } from './index/apply-change';
export { scheduleBounds } from './schedule/schedule';
export type { PricingInput } from './validation/parse-pricing-input';
export { parsePricingInput } from './validation/parse-pricing-input';
export { parsePromotion, validatePromotion, validatePromotions } from './validation/parse-promotion';
export { parseSettings } from './validation/parse-settings';
export { parseCart } from './validation/parse-cart';
export type { ParseResult, ValidationError } from './validation/issues';
export type { Cart, CartCustomer, CartLine, CartShipping, CartShippingMethod, CustomFieldValue } from './model/cart';
export type { Settings } from './model/settings';
export { DEFAULT_SETTINGS } from './model/settings';
export type * from './model/promotion';
/** Every reward `type` and condition key the engine knows, from its registries, for editors that offer them. */
export { REWARD_TYPES } from './rewards/reward-registry';
export { CONDITION_KEYS } from './conditions/condition-registry';
export type * from './model/result';
export type { PromotionId, LineId, CouponCode } from './model/ids';
export { normalizeCode } from './model/ids';
export type { Missing, Reason } from './reasons/reason';
export { REASONS } from './reasons/reason';
export { allocate } from './money/allocate';
export { roundHalfUp, mulDivHalfUp } from './money/round-half-up';
export { percentOf, toBasisPoints } from './money/percent';
export { CURRENCIES, currencyOf, isCurrencyCode } from './money/currencies';
export type { Currency, CurrencyCode } from './money/currencies';
export type { Money } from './money/money';
export { formatMoney } from './money/format-money';

/** Compiles the promotions and prices the cart in one call (amounts in minor units). */
export function price(input: PricingInput): PricingResult {
  const index: PromotionIndex = compilePromotions(input.promotions, input.settings);
  return index.price(input.cart, input.at);
}

/** Prices untrusted input: the result, or every validation error (never a thrown TypeError). */
export function tryPrice(input: unknown): { readonly ok: true; readonly result: PricingResult } | { readonly ok: false; readonly errors: readonly ValidationError[] } {
  const parsed = parsePricingInput(input);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, result: price(parsed.value) };
}
