import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@promo/platform';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { CampaignsConfig } from '../config/env.schema';
import { EmailEntity } from './email.entity';

/** pg advisory lock key: one claim statement at a time across replicas (DecisionService's is 0x0c0a_9019). */
const CLAIM_LOCK = 0x0c0a_e3a1;

/**
 * Takes a page of queued emails for this replica, in due order. An email is claimable when its lease is
 * free or expired (or the claim is this replica's own, left by an earlier round of it, since rounds never
 * overlap); a customer is left out while another replica's live claim holds one of their queued emails,
 * so one customer's emails go one after the other across replicas too. The last condition leaves out an
 * email when an earlier queued one of its customer is not taken with it (skipped as locked, or beyond the
 * page): a page never starts a customer's emails in the middle. Times are Postgres's
 * (`statement_timestamp()`, read after the lock is held), one clock for every replica.
 */
const CLAIM_PAGE = `
  WITH picked AS (
    SELECT e.email_id, e.customer_id, e.due_at FROM emails e
    WHERE e.status = 'queued'
      AND (e.retry_after IS NULL OR e.retry_after <= statement_timestamp())
      AND (e.claimed_until IS NULL OR e.claimed_until <= statement_timestamp() OR e.claimed_by = $1)
      AND NOT EXISTS (
        SELECT 1 FROM emails o
        WHERE o.customer_id = e.customer_id AND o.status = 'queued' AND o.claimed_by <> $1 AND o.claimed_until > statement_timestamp())
    ORDER BY e.due_at, e.email_id
    LIMIT $2
    FOR UPDATE OF e SKIP LOCKED
  )
  UPDATE emails SET claimed_by = $1, claimed_until = statement_timestamp() + $3 * interval '1 millisecond'
  FROM picked p
  WHERE emails.email_id = p.email_id
    AND NOT EXISTS (
      SELECT 1 FROM emails o
      WHERE o.customer_id = p.customer_id AND o.status = 'queued' AND (o.due_at, o.email_id) < (p.due_at, p.email_id)
        AND o.email_id NOT IN (SELECT email_id FROM picked))
  RETURNING emails.email_id`;

function emailIds(rows: unknown): string[] {
  // UPDATE ... RETURNING through TypeORM's query() answers [rows, affected count].
  const list: unknown = Array.isArray(rows) && Array.isArray(rows[0]) ? rows[0] : rows;
  if (!Array.isArray(list)) throw new Error('unexpected answer to an emails update');
  return list.map((row: unknown) => {
    const id: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'email_id') : undefined;
    if (typeof id !== 'string') throw new Error('unexpected emails row');
    return id;
  });
}

/**
 * This replica's claims on queued emails (#18): a claimed email is sent by its claimant only, so N
 * replicas on one database never send one email twice (beyond a crash's last in-flight sends, which a
 * later send repeats with the same Message-ID). A claim is a lease in Postgres time: the claimant renews
 * it while it holds the email; a replica killed mid-page leaves claims that another replica takes once
 * they expire.
 */
@Injectable()
export class EmailClaims {
  /** Unique per process: a restarted replica (same host, maybe same pid) never takes a claim for its own. */
  readonly replicaId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(
    @Inject(APP_CONFIG) private readonly config: CampaignsConfig,
    private readonly dataSource: DataSource,
  ) {}

  /** Claims up to `limit` queued emails and answers them in due order (one customer's consecutively due, as they must go). */
  async claimPage(limit: number): Promise<EmailEntity[]> {
    const ids = await this.dataSource.transaction(async (manager) => {
      // Two replicas' claims never run at once: each sees the other's committed claims, so neither takes a
      // customer whose email the other has just claimed.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CLAIM_LOCK]);
      return emailIds(await manager.query(CLAIM_PAGE, [this.replicaId, limit, this.config.EMAIL_CLAIM_LEASE_MS]));
    });
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(EmailEntity).find({ where: { emailId: In(ids) }, order: { dueAt: 'ASC', emailId: 'ASC' } });
  }

  /** Renews the claim right before a send; false when the email is no longer this replica's to send (sent, failed or taken over). */
  async confirm(emailId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `UPDATE emails SET claimed_until = statement_timestamp() + $3 * interval '1 millisecond' WHERE email_id = $1 AND claimed_by = $2 AND status = 'queued' RETURNING email_id`,
      [emailId, this.replicaId, this.config.EMAIL_CLAIM_LEASE_MS],
    );
    return emailIds(rows).length === 1;
  }

  /** Records the send, only while the email is still queued and this replica's; false when it was not (the send is then not recorded twice). */
  async markSent(manager: EntityManager, sent: { readonly emailId: string; readonly sentAt: Date; readonly attempts: number; readonly subject: string }): Promise<boolean> {
    const rows = await manager.query(
      `UPDATE emails SET status = 'sent', sent_at = $3, attempts = attempts + $4, subject = $5, claimed_until = NULL
       WHERE email_id = $1 AND status = 'queued' AND claimed_by = $2 RETURNING email_id`,
      [sent.emailId, this.replicaId, sent.sentAt, sent.attempts, sent.subject],
    );
    return emailIds(rows).length === 1;
  }

  /** Marks a claimed email failed for good, with the reason. */
  async markFailed(emailId: string, failure: string): Promise<void> {
    await this.dataSource.query(`UPDATE emails SET status = 'failed', failure = $3, claimed_until = NULL WHERE email_id = $1 AND status = 'queued' AND claimed_by = $2`, [
      emailId,
      this.replicaId,
      failure,
    ]);
  }

  /**
   * After an attempt that failed for a passing reason: counts it, keeps the reason, gives the claim back and
   * leaves the email unclaimable for `base × 2^(attempts before)` ms (at most `maxDelayMs`); the attempt
   * that reaches `maxAttempts` marks it failed. Answers the email's status after (none when it was no longer this replica's).
   */
  async deferAfterFailure(emailId: string, failure: string, retry: { readonly maxAttempts: number; readonly baseDelayMs: number; readonly maxDelayMs: number }): Promise<string | null> {
    const rows: unknown = await this.dataSource.query(
      `UPDATE emails SET attempts = attempts + 1, failure = $3, claimed_by = NULL, claimed_until = NULL,
         status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE 'queued' END,
         retry_after = statement_timestamp() + least($5 * power(2, least(attempts, 30)), $6) * interval '1 millisecond'
       WHERE email_id = $1 AND claimed_by = $2 AND status = 'queued' RETURNING status`,
      [emailId, this.replicaId, failure, retry.maxAttempts, retry.baseDelayMs, retry.maxDelayMs],
    );
    const list: unknown = Array.isArray(rows) && Array.isArray(rows[0]) ? rows[0] : rows;
    const status: unknown = Array.isArray(list) && typeof list[0] === 'object' && list[0] !== null ? Reflect.get(list[0], 'status') : null;
    return typeof status === 'string' ? status : null;
  }

  /** Extends every claim this replica holds (its page in progress), so a slow page is not taken over under it. */
  async renewAll(): Promise<void> {
    await this.dataSource.query(`UPDATE emails SET claimed_until = statement_timestamp() + $2 * interval '1 millisecond' WHERE claimed_by = $1 AND status = 'queued'`, [
      this.replicaId,
      this.config.EMAIL_CLAIM_LEASE_MS,
    ]);
  }

  /** Gives back every email this replica claimed and left unsent (code-inventory unavailable, shutdown), for any replica's next round. */
  async releaseUnsent(): Promise<void> {
    await this.dataSource.query(`UPDATE emails SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = $1 AND status = 'queued'`, [this.replicaId]);
  }

  /** Stores a code issued for a claimed email, unless the email is no longer this replica's; answers the ids stored. */
  async storeCodes(codes: readonly { readonly emailId: string; readonly code: string; readonly token: string | null }[]): Promise<ReadonlySet<string>> {
    const rows = await this.dataSource.query(
      `UPDATE emails e SET code = v.code, code_token = v.token FROM unnest($1::text[], $2::text[], $3::text[]) AS v(email_id, code, token)
       WHERE e.email_id = v.email_id AND e.claimed_by = $4 AND e.status = 'queued' RETURNING e.email_id`,
      [codes.map((c) => c.emailId), codes.map((c) => c.code), codes.map((c) => c.token), this.replicaId],
    );
    return new Set(emailIds(rows));
  }
}
