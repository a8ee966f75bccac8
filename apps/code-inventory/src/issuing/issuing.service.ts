import { Inject, Injectable } from '@nestjs/common';
import { type IssueResult, MAX_ISSUE_BATCH } from '@promo/contracts/http';
import { OutboxWriter } from '@promo/messaging';
import { CLOCK, type Clock } from '@promo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { normalizeCode } from '@promo/pricing-engine';
import type { WriteResult } from '../database/write-result';
import { addToGroupCounters } from '../groups/group-counters';
import { GroupsService } from '../groups/groups.service';
import { CodeTokenSigner } from './code-token.signer';

/** One issue of a batch: what the single `POST /v1/groups/{groupId}/issue` takes. */
export interface IssueRequest {
  readonly customerId: string;
  readonly mode: 'first' | 'reissue';
  readonly bindToCustomer: boolean;
}

const NOTHING: IssueResult = { code: null, issue: null, token: null, promotionId: null };

interface IssuedRow {
  readonly id: string;
  readonly code: string;
  readonly promotion_id: string;
}

/** A request of the batch that is answered with a code. */
interface Issued {
  readonly request: IssueRequest;
  readonly row: IssuedRow;
  readonly issue: 'first' | 'repeat';
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
    const [answer] = await this.issueBatch(groupId, [{ customerId, mode, bindToCustomer }]);
    return answer ?? NOTHING;
  }

  /**
   * Several issues from one group in one transaction, answered in request order, each exactly as the
   * single issue would answer it had the requests been made one after the other: first issues take the
   * group's next available codes (the ones beyond what is left answer empty), a re-issue shows the
   * customer's latest first issue, including one made earlier in the same batch.
   */
  async issueBatch(groupId: string, requests: readonly IssueRequest[]): Promise<IssueResult[]> {
    if (requests.length > MAX_ISSUE_BATCH) throw new Error(`at most ${MAX_ISSUE_BATCH} issues per batch, got ${requests.length}`);
    return this.dataSource.transaction(async (manager) => {
      await this.groups.requirePromotionId(manager, groupId);
      const fresh = await this.takeFresh(manager, groupId, requests.filter((request) => request.mode === 'first'));
      const previous = await this.findPrevious(manager, groupId, requests.filter((request) => request.mode === 'reissue'));
      const issued = this.inRequestOrder(requests, fresh, previous);
      await this.bindReissued(manager, issued);
      await this.record(manager, groupId, issued.filter((entry): entry is Issued => entry !== null));
      return issued.map((entry) => (entry === null ? NOTHING : this.answer(entry)));
    });
  }

  /**
   * Walks the batch in request order, so a re-issue sees a first issue requested before it in the same
   * batch, as it would have one by one; `fresh` holds the codes taken for the first issues, in their order.
   */
  private inRequestOrder(requests: readonly IssueRequest[], fresh: readonly IssuedRow[], previous: ReadonlyMap<string, IssuedRow>): (Issued | null)[] {
    const latest = new Map(previous);
    let nextFresh = 0;
    return requests.map((request) => {
      if (request.mode === 'first') {
        const row = fresh[nextFresh];
        nextFresh += 1;
        if (row === undefined) return null;
        latest.set(request.customerId, row);
        return { request, row, issue: 'first' };
      }
      const row = latest.get(request.customerId);
      return row === undefined ? null : { request, row, issue: 'repeat' };
    });
  }

  /**
   * First issues: the group's next available codes, taken atomically and handed out in request order.
   * SKIP LOCKED lets concurrent issues take different codes without waiting; a code is never handed to
   * two customers (C7). Oldest codes first, by (created_at, id): an order only codes_available_order_idx
   * gives. Ordered by id alone, the planner took the primary key for a group holding a large share of the
   * table (expecting a match within a few rows) and filtered every other group's rows before it: 4.7 s
   * per issue behind 20M rows of other groups, 0.3 ms through the partial index.
   */
  private async takeFresh(manager: EntityManager, groupId: string, firsts: readonly IssueRequest[]): Promise<readonly IssuedRow[]> {
    if (firsts.length === 0) return [];
    const [rows]: WriteResult<IssuedRow & { readonly n: string }> = await manager.query(
      `WITH locked AS (
         SELECT id, created_at FROM codes WHERE group_id = $1 AND state = 'available' ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
       ), picked AS (
         SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM locked
       ), wanted AS (
         SELECT * FROM unnest($3::text[], $4::boolean[]) WITH ORDINALITY AS r(customer_id, bind, n)
       )
       UPDATE codes c SET state = 'issued', issued_to = wanted.customer_id, issued_at = $5,
         bound_customer_id = CASE WHEN wanted.bind THEN wanted.customer_id ELSE NULL END
         FROM picked JOIN wanted ON wanted.n = picked.n WHERE c.id = picked.id
       RETURNING picked.n, c.id, c.code, c.promotion_id`,
      [groupId, firsts.length, firsts.map((request) => request.customerId), firsts.map((request) => request.bindToCustomer), this.clock.now()],
    );
    return [...rows].sort((a, b) => Number(a.n) - Number(b.n));
  }

  /** Re-issues: the code each customer last had from this group before the batch, by customer. */
  private async findPrevious(manager: EntityManager, groupId: string, reissues: readonly IssueRequest[]): Promise<ReadonlyMap<string, IssuedRow>> {
    if (reissues.length === 0) return new Map();
    const rows: (IssuedRow & { readonly customer_id: string })[] = await manager.query(
      `SELECT DISTINCT ON (i.customer_id) i.customer_id, c.id, c.code, c.promotion_id FROM code_issues i JOIN codes c ON c.id = i.code_id
        WHERE i.group_id = $1 AND i.customer_id = ANY($2::text[]) AND i.issue = 'first' ORDER BY i.customer_id, i.id DESC`,
      [groupId, [...new Set(reissues.map((request) => request.customerId))]],
    );
    return new Map(rows.map((row) => [row.customer_id, row]));
  }

  /** A bound re-issue binds the code it shows to its customer (C10), after the batch's first issues set theirs. */
  private async bindReissued(manager: EntityManager, issued: readonly (Issued | null)[]): Promise<void> {
    const binding = issued.filter((entry): entry is Issued => entry !== null && entry.issue === 'repeat' && entry.request.bindToCustomer);
    if (binding.length === 0) return;
    await manager.query(`UPDATE codes c SET bound_customer_id = b.customer_id FROM unnest($1::bigint[], $2::text[]) AS b(id, customer_id) WHERE c.id = b.id`, [
      binding.map((entry) => entry.row.id),
      binding.map((entry) => entry.request.customerId),
    ]);
  }

  /** The history rows (in request order), the events, and the group's balances, once for the batch. */
  private async record(manager: EntityManager, groupId: string, issued: readonly Issued[]): Promise<void> {
    if (issued.length === 0) return;
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO code_issues (code_id, code, group_id, customer_id, issue, is_bound, issued_at)
       SELECT r.code_id, r.code, $1, r.customer_id, r.issue, r.is_bound, $2
         FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::boolean[]) WITH ORDINALITY AS r(code_id, code, customer_id, issue, is_bound, n)
        ORDER BY r.n`,
      [
        groupId,
        now,
        issued.map((entry) => entry.row.id),
        issued.map((entry) => entry.row.code),
        issued.map((entry) => entry.request.customerId),
        issued.map((entry) => entry.issue),
        issued.map((entry) => entry.request.bindToCustomer),
      ],
    );
    for (const { request, row, issue } of issued) {
      const normalized = normalizeCode(row.code);
      await this.outbox.enqueue(manager, {
        type: 'code-inventory.code-issued',
        key: request.customerId,
        data: { code: normalized, groupId, promotionId: row.promotion_id, customerId: request.customerId, issue, boundToCustomer: request.bindToCustomer, issuedAt: now.toISOString() },
      });
      if (issue === 'first') {
        await this.outbox.enqueue(manager, {
          type: 'code-inventory.code-changed',
          key: normalized,
          data: { code: normalized, promotionId: row.promotion_id, groupId, state: 'issued', customerId: request.customerId, changedAt: now.toISOString() },
        });
      }
    }
    const firsts = issued.filter((entry) => entry.issue === 'first').length;
    // Every first issue lowers the group's available balance (C7); last, as it locks a counter shard until commit.
    if (firsts > 0) await addToGroupCounters(manager, groupId, { available: -firsts, issued: firsts });
  }

  private answer({ request, row, issue }: Issued): IssueResult {
    return { code: row.code, issue, token: request.bindToCustomer ? this.signer.sign(normalizeCode(row.code), request.customerId) : null, promotionId: row.promotion_id };
  }
}
