/** What a coupon allows each customer when its `limits.usesPerCustomer` is absent or null (L1). */
export const COUPON_USES_PER_CUSTOMER_DEFAULT = 1;

/**
 * L1: the uses per customer in force for a promotion, as the ledger enforces them at checkout and pricing reports them
 * before it: the given limit, else one for a coupon, else none (null). Pricing sends null for "not set", so null and
 * absent both mean the default.
 */
export function usesPerCustomerOf(kind: 'automatic' | 'coupon', usesPerCustomer: number | null | undefined): number | null {
  return usesPerCustomer ?? (kind === 'coupon' ? COUPON_USES_PER_CUSTOMER_DEFAULT : null);
}
