import { Inject, Injectable } from '@nestjs/common';
import { OutboxWriter } from '@promo/messaging';
import { CLOCK, type Clock } from '@promo/platform';
import { DataSource } from 'typeorm';
import { duplicateCodeError, findExistingCode } from './code-conflict';
import { normalizeCode } from '@promo/pricing-engine';

export interface SharedCode {
  readonly code: string;
  readonly normalizedCode: string;
  readonly promotionId: string;
  readonly hidden: boolean;
}

/** C1: a coupon promotion's one shared code (`WELCOME20`); C8: hidden ones are never listed. */
@Injectable()
export class SharedCodesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(input: { readonly code: string; readonly promotionId: string; readonly hidden: boolean }): Promise<SharedCode> {
    const code = input.code.trim();
    const normalized = normalizeCode(code);
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO codes (code, promotion_id, group_id, state, is_hidden, created_at) VALUES ($1, $2, NULL, 'available', $3, $4)
         ON CONFLICT DO NOTHING RETURNING id`,
        [code, input.promotionId, input.hidden, now],
      );
      if (inserted.length === 0) {
        const existing = await findExistingCode(manager, normalized);
        throw duplicateCodeError(code, existing ?? { code, promotionId: 'unknown', groupId: null });
      }
      await this.outbox.enqueue(manager, {
        type: 'code-inventory.code-changed',
        key: normalized,
        data: { code: normalized, promotionId: input.promotionId, groupId: null, state: 'available', changedAt: now.toISOString() },
      });
      return { code, normalizedCode: normalized, promotionId: input.promotionId, hidden: input.hidden };
    });
  }

  /** The public listing of a promotion's shared codes: hidden codes never appear (C8). */
  async listPublic(promotionId: string): Promise<readonly SharedCode[]> {
    const rows: { code: string; promotion_id: string }[] = await this.dataSource.query(
      `SELECT code, promotion_id FROM codes WHERE promotion_id = $1 AND group_id IS NULL AND NOT is_hidden AND state <> 'disabled' ORDER BY id LIMIT 100`,
      [promotionId],
    );
    return rows.map((row) => ({ code: row.code, normalizedCode: normalizeCode(row.code), promotionId: row.promotion_id, hidden: false }));
  }
}
