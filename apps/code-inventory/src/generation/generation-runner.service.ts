import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OutboxWriter } from '@promo/messaging';
import { APP_CONFIG, CLOCK, type Clock } from '@promo/platform';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { enqueueCodesAdded, type InsertedRange, insertedRange, insertReturningRange } from '../codes/codes-added.events';
import type { CodeInventoryConfig } from '../config/env.schema';
import { CopyWriter } from '../database/copy-writer';
import { PG_POOL } from '../database/pg-pool.provider';
import { addToGroupCounters } from '../groups/group-counters';
import { compilePattern, type CompiledPattern, randomCodeLines } from './code-pattern';
import { GENERATION_JOB_COLUMNS, type GenerationJobRow, isTerminal } from './generation-job';

/** The job a run holds and the token it claimed it with. */
interface RunClaim {
  readonly jobId: string;
  readonly token: string;
  readonly groupId: string;
  readonly promotionId: string;
}

/** `superseded`: another run claimed the job (this one had lost its BullMQ lock) and goes on with it. */
export type RunOutcome = 'completed' | 'cancelled' | 'interrupted' | 'superseded';

/**
 * C3: runs one generation job in batches. Each batch is one transaction: COPY into a temporary staging
 * table, `INSERT … SELECT … ON CONFLICT DO NOTHING` into codes (the unique index drops collisions, which
 * the next batch makes up for), the job's `done` counter and the batch's `code-inventory.codes-added` event
 * (its code id range). A crash loses at most the batch in flight,
 * and `done` always equals the codes inserted, so a resumed job neither duplicates nor loses codes.
 * BullMQ may hand a job to a second replica while the first still runs it (#18: the first stopped renewing
 * its lock, e.g. paused); each run claims the job with a token and writes only while it holds the last claim.
 */
@Injectable()
export class GenerationRunner {
  private readonly logger = new Logger(GenerationRunner.name);
  private isStopping = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: CodeInventoryConfig,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Lets the batch in flight finish, then returns `interrupted` so the job resumes after the restart. */
  stop(): void {
    this.isStopping = true;
  }

  async run(jobId: string, onProgress: (done: number, total: number) => Promise<void>): Promise<RunOutcome> {
    const client = await this.pool.connect();
    try {
      const token = randomUUID();
      const job = await this.start(client, jobId, token);
      if (job === null) return 'completed';
      if (isTerminal(job.state)) return job.state === 'cancelled' ? 'cancelled' : 'completed';
      const compiled = compilePattern(job.spec);
      if (!compiled.ok) throw new Error(`job ${jobId} has an invalid spec: ${compiled.errors.map((e) => e.detail).join('; ')}`);
      const groups = await client.query<{ promotion_id: string }>(`SELECT promotion_id FROM code_groups WHERE group_id = $1`, [job.group_id]);
      const promotionId = groups.rows[0]?.promotion_id;
      if (promotionId === undefined) throw new Error(`group ${job.group_id} of job ${jobId} no longer exists`);
      await client.query(`CREATE TEMP TABLE IF NOT EXISTS generation_staging (code text NOT NULL) ON COMMIT DELETE ROWS`);
      const total = Number(job.total);
      let done = Number(job.done);
      while (done < total) {
        if (this.isStopping) return 'interrupted';
        const inserted = await this.batch(client, { jobId, token, groupId: job.group_id, promotionId }, compiled.pattern, Math.min(this.config.GENERATION_BATCH_SIZE, total - done));
        if (inserted === null) return this.whyStopped(client, jobId);
        done += inserted;
        await onProgress(done, total);
      }
      const completed = await client.query(`UPDATE generation_jobs SET state = 'completed', finished_at = $2, updated_at = $2 WHERE id = $1 AND state = 'running' AND run_token = $3`, [
        jobId,
        this.clock.now(),
        token,
      ]);
      if (completed.rowCount !== 1) return this.whyStopped(client, jobId);
      this.logger.log({ jobId, total }, 'generation completed');
      return 'completed';
    } finally {
      client.release();
    }
  }

  async fail(jobId: string, reason: string): Promise<void> {
    await this.pool.query(`UPDATE generation_jobs SET state = 'failed', error = $2, finished_at = $3, updated_at = $3 WHERE id = $1 AND state IN ('queued', 'running')`, [
      jobId,
      reason,
      this.clock.now(),
    ]);
  }

  /**
   * Claims the job for this run (`token`; an earlier run's next write then fails), marks it running and restarts
   * its rate measure; null when the job row is gone. Waits for a batch another run has in flight to commit, so
   * the claim starts from its `done`.
   */
  private async start(client: PoolClient, jobId: string, token: string): Promise<GenerationJobRow | null> {
    const now = this.clock.now();
    const updated = await client.query<GenerationJobRow>(
      `UPDATE generation_jobs SET state = 'running', run_token = $3, run_started_at = $2, run_started_done = done, updated_at = $2
        WHERE id = $1 AND state IN ('queued', 'running') RETURNING ${GENERATION_JOB_COLUMNS}`,
      [jobId, now, token],
    );
    if (updated.rows[0] !== undefined) return updated.rows[0];
    const current = await client.query<GenerationJobRow>(`SELECT ${GENERATION_JOB_COLUMNS} FROM generation_jobs WHERE id = $1`, [jobId]);
    return current.rows[0] ?? null;
  }

  /** A write under this run's claim missed: the job was cancelled, or another run claimed it. */
  private async whyStopped(client: PoolClient, jobId: string): Promise<RunOutcome> {
    const { rows } = await client.query<{ state: string }>(`SELECT state FROM generation_jobs WHERE id = $1`, [jobId]);
    if (rows[0]?.state === 'cancelled') return 'cancelled';
    this.logger.warn({ jobId }, 'generation claimed by another run; this one stops');
    return 'superseded';
  }

  /** One batch in one transaction; the codes inserted, or null when the job was cancelled or claimed by another run meanwhile (the batch is rolled back). */
  private async batch(client: PoolClient, run: RunClaim, pattern: CompiledPattern, size: number): Promise<number | null> {
    const { jobId, token, groupId, promotionId } = run;
    await client.query('BEGIN');
    try {
      const writer = new CopyWriter(client.query(copyFrom(`COPY generation_staging (code) FROM STDIN`)));
      // Generated in slices so a large batch never holds one huge buffer.
      for (let left = size; left > 0; left -= 10_000) await writer.writeRaw(randomCodeLines(pattern, Math.min(10_000, left)));
      await writer.end();
      const now = this.clock.now();
      const inserted = await client.query<InsertedRange>(
        insertReturningRange(
          // In the unique index's order: random codes would otherwise touch its leaf pages in random order,
          // and past a few million codes that index outgrows shared_buffers, so each batch re-reads (and
          // after a checkpoint re-logs in full) pages it just evicted; sorted, each page is visited once.
          `INSERT INTO codes (code, promotion_id, group_id, state, is_hidden, created_at)
           SELECT code, $1, $2, 'available', false, $3 FROM generation_staging ORDER BY lower(code) ON CONFLICT DO NOTHING`,
        ),
        [promotionId, groupId, now],
      );
      const range = insertedRange(inserted);
      const count = range.count;
      const progressed = await client.query(
        `UPDATE generation_jobs SET done = done + $2, collisions = collisions + $3, updated_at = $4 WHERE id = $1 AND state = 'running' AND run_token = $5`,
        [jobId, count, size - count, now, token],
      );
      if (progressed.rowCount !== 1) {
        await client.query('ROLLBACK');
        return null;
      }
      await addToGroupCounters(client, groupId, { total: count, available: count });
      await enqueueCodesAdded(this.outbox, client, { promotionId, groupId, origin: 'generation', jobId }, range, now);
      await client.query('COMMIT');
      return count;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
}
