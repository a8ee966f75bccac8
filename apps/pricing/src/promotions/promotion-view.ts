import type { PromotionChangedData } from '@promo/contracts';
import type { PromotionView } from '@promo/contracts/http';
import { statusAt, storedLimits } from './promotion-draft';
import type { PromotionRow } from './promotion.row';

/** A promotion as the admin API returns it (the shape in libs/contracts): the engine shape plus limits, enabled, version and status. */
export function toView(row: PromotionRow, now: Date): PromotionView {
  return {
    ...row.definition,
    id: row.id,
    kind: row.kind,
    enabled: row.enabled,
    limits: storedLimits(row.limits),
    version: row.version,
    status: statusAt(row, now),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The `pricing.promotion-changed` data of a change (the ledger reads `promotion.limits`). `startsAt`/`endsAt` are the
 * row's instants, resolved in the schedule's zone or the store's (P5): a consumer cannot resolve a schedule that names
 * no zone, since only pricing knows the store's (#19.3).
 */
export function promotionChanged(row: PromotionRow, change: PromotionChangedData['change'], now: Date): PromotionChangedData {
  return {
    promotionId: row.id,
    change,
    version: row.version,
    changedAt: now.toISOString(),
    promotion: change === 'deleted' ? null : { ...row.definition, id: row.id, kind: row.kind, enabled: row.enabled, limits: storedLimits(row.limits) },
    startsAt: row.startsAt === null ? null : row.startsAt.toISOString(),
    endsAt: row.endsAt === null ? null : row.endsAt.toISOString(),
  };
}
