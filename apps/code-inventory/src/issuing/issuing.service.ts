import { Inject, Injectable } from '@nestjs/common';
import { OutboxWriter } from '@promo/messaging';
import { CLOCK, type Clock } from '@promo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { normalizeCode } from '../codes/normalize-code';
import type { WriteResult } from '../database/write-result';
import { addToGroupCounters } from '../groups/group-counters';
import { GroupsService } from '../groups/groups.service';
import { CodeTokenSigner } from './code-token.signer';

export interface IssueResult {
  readonly code: string | null;
  readonly issue: 'first' | 'repeat' | null;
  readonly token: string | null;
  readonly promotionId: string | null;
}

const NOTHING: IssueResult = { code: null, issue: null, token: null, promotionId: null };

interface IssuedRow {
  readonly id: string;
  readonly code: string;
  readonly promotion_id: string;
}

/** C7 issuing and C10 binding: first issue, re-issue, and the history each one leaves. */
@Injectable()
export class IssuingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
    private readonly outbox: OutboxWriter,
    private readonly signer: CodeTokenSigner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(groupId: string, customerId: string, mode: 'first' | 'reissue', bindToCustomer: boolean): Promise<IssueResult> {
    return this.dataSource.transaction(async (manager) => {
      await this.groups.requirePromotionId(manager, groupId);
      const issued = mode === 'first' ? await this.takeFresh(manager, groupId, customerId, bindToCustomer) : await this.findPrevious(manager, groupId, customerId, bindToCustomer);
      if (issued === null) return NOTHING;
      const issue = mode === 'first' ? 'first' : 'repeat';
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO code_issues (code_id, code, group_id, customer_id, issue, is_bound, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [issued.id, issued.code, groupId, customerId, issue, bindToCustomer, now],
      );
      const normalized = normalizeCode(issued.code);
      await this.outbox.enqueue(manager, {
        type: 'code-inventory.code-issued',
        key: customerId,
        data: { code: normalized, groupId, promotionId: issued.promotion_id, customerId, issue, boundToCustomer: bindToCustomer, issuedAt: now.toISOString() },
      });
      if (mode === 'first') {
        // Every first issue lowers the group's available balance (C7); last, as it locks a counter shard until commit.
        await addToGroupCounters(manager, groupId, { available: -1, issued: 1 });
        await this.outbox.enqueue(manager, {
          type: 'code-inventory.code-changed',
          key: normalized,
          data: { code: normalized, promotionId: issued.promotion_id, groupId, state: 'issued', customerId, changedAt: now.toISOString() },
        });
      }
      return { code: issued.code, issue, token: bindToCustomer ? this.signer.sign(normalized, customerId) : null, promotionId: issued.promotion_id };
    });
  }

  /**
   * First issue: the group's next available code, taken atomically. SKIP LOCKED lets concurrent issues
   * take different codes without waiting; a code is never handed to two customers (C7).
   */
  private async takeFresh(manager: EntityManager, groupId: string, customerId: string, bind: boolean): Promise<IssuedRow | null> {
    const now = this.clock.now();
    const [rows]: WriteResult<IssuedRow> = await manager.query(
      `WITH picked AS (
         SELECT id FROM codes WHERE group_id = $1 AND state = 'available' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
       )
       UPDATE codes c SET state = 'issued', issued_to = $2, issued_at = $3, bound_customer_id = CASE WHEN $4 THEN $2 ELSE NULL END
         FROM picked WHERE c.id = picked.id
       RETURNING c.id, c.code, c.promotion_id`,
      [groupId, customerId, now, bind],
    );
    return rows[0] ?? null;
  }

  /** Re-issue: the code this customer last had from this group, or nothing when there was no first issue (C7). */
  private async findPrevious(manager: EntityManager, groupId: string, customerId: string, bind: boolean): Promise<IssuedRow | null> {
    const rows: IssuedRow[] = await manager.query(
      `SELECT c.id, c.code, c.promotion_id FROM code_issues i JOIN codes c ON c.id = i.code_id
        WHERE i.group_id = $1 AND i.customer_id = $2 AND i.issue = 'first' ORDER BY i.id DESC LIMIT 1`,
      [groupId, customerId],
    );
    const row = rows[0];
    if (row === undefined) return null;
    if (bind) await manager.query(`UPDATE codes SET bound_customer_id = $2 WHERE id = $1`, [row.id, customerId]);
    return row;
  }
}
