import { Inject, Injectable } from '@nestjs/common';
import type { RedemptionRecordedData, RedemptionReversedData } from '@promo/contracts';
import { OutboxWriter } from '@promo/messaging';
import { CLOCK, type Clock } from '@promo/platform';
import type { EntityManager } from 'typeorm';
import { normalizeCode } from '@promo/pricing-engine';
import type { WriteResult } from '../database/write-result';
import { addToGroupCounters } from '../groups/group-counters';

interface ChangedRow {
  readonly code: string;
  readonly group_id: string;
  readonly promotion_id: string;
  readonly issued_to: string | null;
  readonly previous_state: 'available' | 'issued' | 'redeemed';
  readonly state: 'available' | 'issued' | 'redeemed';
}

/**
 * Marks a group's single-use code redeemed when the ledger records its use, and available (or issued)
 * again when the use is reversed. Shared codes (no group) are used many times and keep their state.
 */
@Injectable()
export class RedemptionsService {
  constructor(
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async recorded(manager: EntityManager, data: RedemptionRecordedData): Promise<void> {
    if (data.code === null) return;
    const [rows]: WriteResult<ChangedRow> = await manager.query(
      `WITH target AS (
         SELECT id, state FROM codes WHERE lower(code) = $1 AND group_id IS NOT NULL AND state IN ('available', 'issued') FOR UPDATE
       )
       UPDATE codes c SET state = 'redeemed', redeemed_order_id = $2, redeemed_at = $3 FROM target WHERE c.id = target.id
       RETURNING c.code, c.group_id, c.promotion_id, c.issued_to, target.state AS previous_state, c.state`,
      [normalizeCode(data.code), data.orderId, new Date(data.recordedAt)],
    );
    await this.afterChange(manager, rows[0]);
  }

  async reversed(manager: EntityManager, data: RedemptionReversedData): Promise<void> {
    if (data.code === null) return;
    const [rows]: WriteResult<ChangedRow> = await manager.query(
      `UPDATE codes SET state = CASE WHEN issued_to IS NULL THEN 'available' ELSE 'issued' END, redeemed_order_id = NULL, redeemed_at = NULL
        WHERE lower(code) = $1 AND state = 'redeemed' AND redeemed_order_id = $2 AND group_id IS NOT NULL
       RETURNING code, group_id, promotion_id, issued_to, 'redeemed' AS previous_state, state`,
      [normalizeCode(data.code), data.orderId],
    );
    await this.afterChange(manager, rows[0]);
  }

  /** Moves one code between the group's balances and announces the change through the outbox. */
  private async afterChange(manager: EntityManager, row: ChangedRow | undefined): Promise<void> {
    if (row === undefined) return;
    const now = this.clock.now();
    const moved = (state: ChangedRow['state']): number => (row.state === state ? 1 : 0) - (row.previous_state === state ? 1 : 0);
    await addToGroupCounters(manager, row.group_id, { available: moved('available'), issued: moved('issued'), redeemed: moved('redeemed') });
    const normalized = normalizeCode(row.code);
    await this.outbox.enqueue(manager, {
      type: 'code-inventory.code-changed',
      key: normalized,
      data: { code: normalized, promotionId: row.promotion_id, groupId: row.group_id, state: row.state, customerId: row.issued_to, changedAt: now.toISOString() },
    });
  }
}
