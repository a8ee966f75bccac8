import { usesPerCustomerOf } from '@promo/contracts/http';
import type { Usage } from '@promo/pricing-engine';
import type { IndexEntry } from '../promotion-index/index-snapshot';
import type { UsageCounts } from '../usage/usage.repository';

/**
 * The engine's `usage` for a promotion from the projection and the limits beside it: limit reached when the
 * promotion's total or the code's own uses are spent; per customer as the ledger counts it (a coupon without
 * `usesPerCustomer` allows one use per customer, L1).
 */
export function usageOf(entry: IndexEntry, code: string | null, counts: UsageCounts, customerId: string | null): Usage {
  const { limits } = entry;
  const used = counts.promotionUses.get(entry.id) ?? 0;
  const codeUsed = code === null ? 0 : (counts.codeUses.get(code) ?? 0);
  const isCodeSpent = code !== null && limits.usesPerCode !== null && codeUsed >= limits.usesPerCode;
  const perCustomer = usesPerCustomerOf(entry.kind, limits.usesPerCustomer);
  return {
    // A spent code reads as a limit already reached (the engine knows one limit per promotion).
    limit: isCodeSpent ? used : limits.totalUses,
    used,
    perCustomer,
    usedBy: customerId === null ? new Map() : new Map([[customerId, counts.customerUses.get(entry.id) ?? 0]]),
  };
}
