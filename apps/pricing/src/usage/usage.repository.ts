import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RedemptionFields } from './redemption-data';

/** Uses counted from `redemption.*` events (promotion, code, customer); the ledger stays the authority at checkout. */
export interface UsageCounts {
  readonly promotionUses: ReadonlyMap<string, number>;
  /** #23: minor units of discount each promotion has given (its budget spent); absent = 0. */
  readonly promotionSpent?: ReadonlyMap<string, number>;
  readonly codeUses: ReadonlyMap<string, number>;
  /** Orders of the cart's customer that used each promotion (one per order, whatever its units). */
  readonly customerUses: ReadonlyMap<string, number>;
}

/** The usage projection in `pricing.promotion_usage`, `code_usage`, `customer_usage`. */
@Injectable()
export class UsageRepository {
  /**
   * Adds one redemption (`direction` -1 for a reversal; never below 0) in the consumer's transaction: its units to the
   * promotion's and the code's uses, one order to the customer's (#19.5: the per-customer limit counts orders, as the
   * ledger does; a per-item promotion's total and code limits count items).
   */
  async add(manager: EntityManager, redemption: RedemptionFields, direction: 1 | -1): Promise<void> {
    const { promotionId, code, customerId } = redemption;
    const units = direction * redemption.units;
    await manager.query(
      `INSERT INTO promotion_usage (promotion_id, uses, discount_spent) VALUES ($1, GREATEST($2::bigint, 0), GREATEST($3::bigint, 0))
       ON CONFLICT (promotion_id) DO UPDATE SET uses = GREATEST(promotion_usage.uses + $2::bigint, 0),
         discount_spent = GREATEST(promotion_usage.discount_spent + $3::bigint, 0)`,
      [promotionId, units, direction * redemption.discountAmount],
    );
    if (code !== null) {
      await manager.query(
        `INSERT INTO code_usage (code, uses) VALUES ($1, GREATEST($2::bigint, 0)) ON CONFLICT (code) DO UPDATE SET uses = GREATEST(code_usage.uses + $2::bigint, 0)`,
        [code, units],
      );
    }
    if (customerId !== null) {
      await manager.query(
        `INSERT INTO customer_usage (promotion_id, customer_id, uses) VALUES ($1, $2, GREATEST($3::bigint, 0))
         ON CONFLICT (promotion_id, customer_id) DO UPDATE SET uses = GREATEST(customer_usage.uses + $3::bigint, 0)`,
        [promotionId, customerId, direction],
      );
    }
  }

  /** One round trip for the promotions and codes of one cart. */
  async read(manager: EntityManager, promotionIds: readonly string[], codes: readonly string[], customerId: string | null): Promise<UsageCounts> {
    const rows: { kind: 'promotion' | 'code' | 'customer'; key: string; uses: string; spent: string }[] = await manager.query(
      `SELECT 'promotion' AS kind, promotion_id AS key, uses, discount_spent AS spent FROM promotion_usage WHERE promotion_id = ANY($1)
       UNION ALL SELECT 'code', code, uses, 0 FROM code_usage WHERE code = ANY($2)
       UNION ALL SELECT 'customer', promotion_id, uses, 0 FROM customer_usage WHERE promotion_id = ANY($1) AND customer_id = $3`,
      [promotionIds, codes, customerId ?? ''],
    );
    const promotionUses = new Map<string, number>();
    const promotionSpent = new Map<string, number>();
    const codeUses = new Map<string, number>();
    const customerUses = new Map<string, number>();
    for (const row of rows) {
      const target = row.kind === 'promotion' ? promotionUses : row.kind === 'code' ? codeUses : customerUses;
      target.set(row.key, Number(row.uses));
      if (row.kind === 'promotion') promotionSpent.set(row.key, Number(row.spent));
    }
    return { promotionUses, promotionSpent, codeUses, customerUses: customerId === null ? new Map() : customerUses };
  }
}
