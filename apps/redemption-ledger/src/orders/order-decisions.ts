import type { OrderPlacedData, RedemptionRejectionReason } from '@promo/contracts';
import type { OutboundEvent } from '@promo/messaging';
import type { LedgerEntryInput } from '../ledger/ledger-entry';
import { publishedCustomerId } from '../usage/customer-key';
import type { PromotionLimitsRow } from '../usage/usage-state.repository';
import { type TakeOutcome, UsageRebuildingError } from '../usage/usage-scripts';
import type { OrderUseRow } from './orders.repository';

/** What became of one use an order carries: the units it counts and why it was rejected (null: accepted). */
export interface UseDecision {
  readonly units: number;
  readonly reason: RedemptionRejectionReason | null;
}

/** The decision commit-usage's answer makes (L2), or what the counters need first: a rebuild, or its end. */
export function decisionOf(outcome: TakeOutcome, limits: PromotionLimitsRow, units: number): UseDecision | 'not_loaded' | 'rebuilding' {
  switch (outcome.kind) {
    case 'taken':
    case 'exists':
      return { units: outcome.units, reason: null };
    case 'refused':
      return { units: limits.consumeUnit === 'cart' ? 1 : units, reason: outcome.reason };
    case 'unknown_promotion':
      return { units, reason: 'unknown_promotion' };
    case 'discount_required':
      // An order always states each use's discount (order.placed's amount); a commit never answers this.
      throw new Error('commit-usage asked for a discount the order carries');
    case 'not_loaded':
    case 'rebuilding':
      return outcome.kind;
  }
}

/**
 * The decision, or the error that makes the consumer retry the event: counters missing (`onMissing` starts
 * a rebuild) or fenced by a rebuild that died (the sentinel it deleted makes a replica redo it).
 */
export function settledDecision(decision: UseDecision | 'not_loaded' | 'rebuilding', promotionId: string, onMissing: () => void): UseDecision {
  if (decision === 'not_loaded') {
    onMissing();
    throw new UsageRebuildingError(`usage counters of ${promotionId} are missing; rebuilding`);
  }
  if (decision === 'rebuilding') throw new UsageRebuildingError(`usage counters of ${promotionId} are fenced by a rebuild`);
  return decision;
}

/** True when the ledger knows the promotion and it is not deleted: only then is a use taken in Redis. */
export function isLive(limits: PromotionLimitsRow | undefined): limits is PromotionLimitsRow {
  return limits !== undefined && !limits.isDeleted;
}

/** The ledger entries of an order's decided uses: committed or rejected, in the order of the uses. */
export function decisionEntries(order: OrderPlacedData, reservationId: string | null, decided: readonly OrderUseRow[], at: Date): LedgerEntryInput[] {
  return decided.map((use) => ({
    kind: use.decision === 'accepted' ? 'committed' : 'rejected',
    orderId: order.orderId,
    reservationId,
    promotionId: use.promotionId,
    code: use.code,
    codeKey: use.codeKey,
    customerId: use.customerId,
    units: use.units,
    reason: use.reason,
    discountAmount: use.discountAmount,
    currency: order.currency,
    at,
  }));
}

type DecisionEvent = OutboundEvent<'redemption.recorded'> | OutboundEvent<'redemption.rejected'>;

/** The events of an order's decided uses: `redemption.recorded` or `redemption.rejected`, keyed by promotion. */
export function decisionEvents(order: OrderPlacedData, reservationId: string | null, decided: readonly OrderUseRow[], at: Date): DecisionEvent[] {
  return decided.map((use): DecisionEvent => {
    const common = { orderId: order.orderId, promotionId: use.promotionId, code: use.code, customerId: publishedCustomerId(use.customerId), units: use.units };
    if (use.decision === 'accepted') {
      return {
        type: 'redemption.recorded',
        key: use.promotionId,
        data: { ...common, reservationId, discountAmount: use.discountAmount, currency: order.currency, orderTotal: order.total, recordedAt: at.toISOString() },
      };
    }
    return { type: 'redemption.rejected', key: use.promotionId, data: { ...common, reason: rejectionReason(use.reason), rejectedAt: at.toISOString() } };
  });
}

function rejectionReason(reason: string | null): RedemptionRejectionReason {
  switch (reason) {
    case 'total_limit_reached':
    case 'code_limit_reached':
    case 'budget_exhausted':
    case 'budget_currency_mismatch':
    case 'customer_limit_reached':
    case 'unknown_promotion':
      return reason;
    default:
      throw new Error(`a rejected use has no known reason: ${String(reason)}`);
  }
}
