/** Branded ids (STYLE.md): a promotion id cannot be passed where a line id is expected. */
export type PromotionId = string & { readonly __brand: 'PromotionId' };
export type LineId = string & { readonly __brand: 'LineId' };
export type CouponCode = string & { readonly __brand: 'CouponCode' };

/** Brands a validated, non-empty promotion id. */
export function toPromotionId(value: string): PromotionId {
  return value as PromotionId;
}

/** Brands a validated, non-empty line id. */
export function toLineId(value: string): LineId {
  return value as LineId;
}

/**
 * C2: codes match case-insensitively with spaces trimmed; this is their normal form, the one rule every service keys
 * codes by: code-inventory's unique index (`lower(code)`), the ledger's usage keys and pricing's index and usage.
 * Lower case because that is how code-inventory and the ledger store them.
 */
export function normalizeCode(value: string): CouponCode {
  return value.trim().toLowerCase() as CouponCode;
}
