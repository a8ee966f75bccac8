import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PromotionLimitsRow {
  readonly promotionId: string;
  readonly kind: 'automatic' | 'coupon';
  readonly version: number;
  readonly isDeleted: boolean;
  readonly totalUses: number | null;
  readonly usesPerCode: number | null;
  readonly usesPerCustomer: number | null;
  readonly consumeUnit: 'cart' | 'item';
  /**
   * The promotion's own shared codes, normalized (C1); any other code of it is a group code, single-use
   * unless `usesPerCode` is set (#19.2). null: not known (learnt before the ledger kept them), all shared.
   */
  readonly sharedCodes: readonly string[] | null;
  /** #23, rule 19: the total discount budget in minor units of `budgetCurrency`; null = none. */
  readonly budget: number | null;
  readonly budgetCurrency: string | null;
}

/** A use that holds units right now: reserved (until it expires) or committed. */
export interface LiveHold {
  readonly holdId: string;
  readonly promotionId: string;
  readonly codeKey: string | null;
  readonly customerId: string | null;
  readonly units: number;
  readonly state: 'reserved' | 'committed';
  readonly expiresAt: Date | null;
  readonly fingerprint: string | null;
  /** #23: minor units of the promotion's budget the use holds. */
  readonly discountAmount: number;
}

interface LimitsRecord {
  promotion_id: string;
  kind: 'automatic' | 'coupon';
  version: number;
  is_deleted: boolean;
  total_uses: number | null;
  uses_per_code: number | null;
  uses_per_customer: number | null;
  consume_unit: 'cart' | 'item';
  shared_codes: string[] | null;
  /** bigint: the driver answers a string. */
  budget: string | null;
  budget_currency: string | null;
}

interface HoldRecord {
  hold_id: string;
  promotion_id: string;
  code_key: string | null;
  customer_id: string | null;
  units: number;
  state: 'reserved' | 'committed';
  expires_at: Date | null;
  fingerprint: string | null;
  discount_amount: string;
}

/** Reads of the durable usage state (promotion_limits, usage_holds) that Redis is rebuilt from. */
@Injectable()
export class UsageStateRepository {
  async allPromotionLimits(manager: EntityManager): Promise<PromotionLimitsRow[]> {
    const rows: LimitsRecord[] = await manager.query('SELECT * FROM promotion_limits ORDER BY promotion_id');
    return rows.map(toLimits);
  }

  async promotionLimits(manager: EntityManager, promotionId: string, forUpdate = false): Promise<PromotionLimitsRow | undefined> {
    const rows: LimitsRecord[] = await manager.query(`SELECT * FROM promotion_limits WHERE promotion_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [promotionId]);
    const row = rows[0];
    return row ? toLimits(row) : undefined;
  }

  /** #21: the limits of many promotions in one read, by promotion id (a promotion the ledger does not know is absent). */
  async promotionLimitsOf(manager: EntityManager, promotionIds: readonly string[]): Promise<Map<string, PromotionLimitsRow>> {
    if (promotionIds.length === 0) return new Map();
    const rows: LimitsRecord[] = await manager.query('SELECT * FROM promotion_limits WHERE promotion_id = ANY($1::text[])', [[...new Set(promotionIds)]]);
    return new Map(rows.map((row) => [row.promotion_id, toLimits(row)]));
  }

  async liveHolds(manager: EntityManager): Promise<Map<string, LiveHold[]>> {
    const rows: HoldRecord[] = await manager.query(
      `SELECT h.hold_id, h.promotion_id, h.code_key, h.customer_id, h.units, h.state, h.expires_at, h.discount_amount, r.fingerprint
         FROM usage_holds h LEFT JOIN reservations r ON r.reservation_id = h.reservation_id
        WHERE h.state IN ('reserved', 'committed')`,
    );
    const byPromotion = new Map<string, LiveHold[]>();
    for (const row of rows) {
      const holds = byPromotion.get(row.promotion_id) ?? [];
      holds.push({
        holdId: row.hold_id,
        promotionId: row.promotion_id,
        codeKey: row.code_key,
        customerId: row.customer_id,
        units: row.units,
        state: row.state,
        expiresAt: row.expires_at,
        fingerprint: row.fingerprint,
        discountAmount: Number(row.discount_amount),
      });
      byPromotion.set(row.promotion_id, holds);
    }
    return byPromotion;
  }

  async hasLiveHold(manager: EntityManager, promotionId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM usage_holds WHERE promotion_id = $1 AND state IN ('reserved', 'committed') LIMIT 1`, [promotionId]);
    return rows.length > 0;
  }
}

function toLimits(row: LimitsRecord): PromotionLimitsRow {
  return {
    promotionId: row.promotion_id,
    kind: row.kind,
    version: row.version,
    isDeleted: row.is_deleted,
    totalUses: row.total_uses,
    usesPerCode: row.uses_per_code,
    usesPerCustomer: row.uses_per_customer,
    consumeUnit: row.consume_unit,
    sharedCodes: row.shared_codes,
    budget: row.budget === null ? null : Number(row.budget),
    budgetCurrency: row.budget_currency,
  };
}
