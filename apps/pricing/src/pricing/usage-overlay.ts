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

/**
 * #23, rule 19: what is left of a promotion's budget for the engine (`limits.budgetRemaining`), from the discount
 * the projection counts as given; undefined for a promotion without a budget. The ledger's reservation stays the
 * authority at checkout: the projection lags it by what is reserved and not yet placed.
 */
export function budgetRemainingOf(entry: IndexEntry, spent: number): number | undefined {
  const { budget } = entry.limits;
  if (budget === undefined || budget === null) return undefined;
  return Math.max(0, budget - spent);
}
