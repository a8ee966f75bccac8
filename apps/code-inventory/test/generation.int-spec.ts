import { randomUUID } from 'node:crypto';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { GenerationQueueService } from '../src/generation/generation-queue.service';
import { aGroupWithCodes } from './builders/code-group.builder';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

interface Progress {
  id: string;
  state: string;
  total: number;
  done: number;
  collisions: number;
  codesPerSecond: number | null;
  etaSeconds: number | null;
}

// The issue asks for 1,000,000 codes; it fits the suite's time budget on this machine (see the report).
const MILLION = 1_000_000;

describe('bulk generation (C3)', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp();
  });

  afterAll(async () => {
    await inventory.close();
  });

  const generate = async (groupId: string, body: Record<string, unknown>): Promise<Response> => inventory.admin('POST', `/v1/groups/${groupId}/generate`, body);
  const progressOf = async (id: string): Promise<Progress> => (await (await inventory.admin('GET', `/v1/jobs/${id}`)).json()) as Progress;

  it('generates 1,000,000 codes of a pattern, every one unique in SQL', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const prefix = `M${uniqueSuffix().toUpperCase()}-`;
    const started = await generate(groupId, { count: MILLION, pattern: 'SUMMER-####-????', prefix });
    expect(started.status).toBe(202);
    const job = (await started.json()) as Progress;
    expect(job).toMatchObject({ state: 'queued', total: MILLION, done: 0 });

    const seen = new Set<string>();
    const finished = await waitFor(
      async () => {
        const progress = await progressOf(job.id);
        seen.add(progress.state);
        return progress.state === 'completed' ? progress : null;
      },
      { timeoutMs: 150_000, intervalMs: 250, description: 'the million-code job to complete' },
    );
    expect(finished).toMatchObject({ done: MILLION, total: MILLION, etaSeconds: 0 });

    const { rows } = await inventory.sql.query<{ total: string; distinct_codes: string; matching: string }>(
      `SELECT count(*) AS total, count(DISTINCT lower(code)) AS distinct_codes,
              count(*) FILTER (WHERE code ~ $2) AS matching
         FROM codes WHERE group_id = $1`,
      [groupId, `^${prefix}SUMMER-[2-9]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$`],
    );
    expect(rows[0]).toEqual({ total: '1000000', distinct_codes: '1000000', matching: '1000000' });
    const group = (await (await inventory.admin('GET', `/v1/groups/${groupId}`)).json()) as Record<string, unknown>;
    expect(group).toMatchObject({ total: MILLION, available: MILLION, issued: 0 });
  }, 180_000);

  it('refuses a pattern whose space is too small for the count, with the figures', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const refused = await generate(groupId, { count: 5_000, pattern: 'TINY-###', charset: '0123456789' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: unknown[] }).errors).toEqual([
      { field: 'pattern', reason: 'pattern_space_too_small', detail: 'the pattern can make 1000 codes; 5000 codes need a space of at least 20000 (4 × count)' },
    ]);
    const { rows } = await inventory.sql.query<{ n: string }>(`SELECT count(*) AS n FROM generation_jobs WHERE group_id = $1`, [groupId]);
    expect(rows[0]?.n).toBe('0');
  });

  it('fills a nearly exhausted space without a duplicate by regenerating collisions', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const prefix = `D${uniqueSuffix().toUpperCase()}-`;
    // 4 digits of 0-9 = 10,000 codes; 2,500 is the most the margin allows, so collisions are certain.
    const job = (await (await generate(groupId, { count: 2_500, pattern: '####', charset: '0123456789', prefix })).json()) as Progress;
    const finished = await waitFor(async () => ((await progressOf(job.id)).state === 'completed' ? progressOf(job.id) : null), { timeoutMs: 30_000 });
    expect(finished.done).toBe(2_500);
    const { rows } = await inventory.sql.query<{ total: string; distinct_codes: string }>(
      `SELECT count(*) AS total, count(DISTINCT lower(code)) AS distinct_codes FROM codes WHERE group_id = $1`,
      [groupId],
    );
    expect(rows[0]).toEqual({ total: '2500', distinct_codes: '2500' });
  }, 60_000);

  it('streams progress as server-sent events until the job ends', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const job = (await (await generate(groupId, { count: 20_000, length: 12, prefix: `E${uniqueSuffix().toUpperCase()}` })).json()) as Progress;
    const response = await fetch(`${inventory.baseUrl}/v1/jobs/${job.id}/events`, { headers: { 'x-api-key': 'test-admin-key-code-inventory' } });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    const events = text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice('data: '.length)) as Progress);
    expect(events.length).toBeGreaterThan(0);
    expect(events[events.length - 1]).toMatchObject({ state: 'completed', done: 20_000, total: 20_000 });
  }, 60_000);

  it('cancels a job: it stops and keeps exactly the codes it counted', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const job = (await (await generate(groupId, { count: 3_000_000, length: 12, prefix: `X${uniqueSuffix().toUpperCase()}` })).json()) as Progress;
    await waitFor(async () => (await progressOf(job.id)).done > 0, { timeoutMs: 30_000, description: 'the first batch' });
    const cancelled = (await (await inventory.admin('POST', `/v1/jobs/${job.id}/cancel`)).json()) as Progress;
    expect(cancelled.state).toBe('cancelled');
    await waitFor(
      async () => {
        const { rows } = await inventory.sql.query<{ active: string }>(`SELECT count(*) AS active FROM pg_stat_activity WHERE query LIKE '%generation_staging%' AND state <> 'idle' AND pid <> pg_backend_pid()`);
        return rows[0]?.active === '0';
      },
      { timeoutMs: 30_000, description: 'the batch in flight to end' },
    );
    const final = await progressOf(job.id);
    expect(final.state).toBe('cancelled');
    expect(final.done).toBeLessThan(3_000_000);
    const { rows } = await inventory.sql.query<{ n: string }>(`SELECT count(*) AS n FROM codes WHERE group_id = $1`, [groupId]);
    expect(Number(rows[0]?.n)).toBe(final.done);
  }, 60_000);

  it('marks a job that keeps failing as failed after three attempts, and BullMQ stops retrying it', async () => {
    // A job whose group is gone fails at every attempt (not a shutdown handing it back).
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const model = (await (await generate(groupId, { count: 10, length: 10, prefix: `F${uniqueSuffix().toUpperCase()}` })).json()) as Progress;
    await waitFor(async () => (await progressOf(model.id)).state === 'completed', { timeoutMs: 30_000, description: 'the model job' });
    const jobId = randomUUID();
    await inventory.sql.query(
      `INSERT INTO generation_jobs (id, group_id, spec, total, state, created_at, updated_at)
       SELECT $1, $2, spec, total, 'queued', now(), now() FROM generation_jobs WHERE id = $3`,
      [jobId, `gone-${uniqueSuffix()}`, model.id],
    );
    const queue = inventory.app.get(GenerationQueueService);
    await queue.enqueue(jobId);
    const failed = await waitFor(async () => ((await progressOf(jobId)).state === 'failed' ? progressOf(jobId) : null), { timeoutMs: 30_000, description: 'the job to fail' });
    expect(failed.state).toBe('failed');
    const job = await waitFor(async () => {
      const found = await queue.queue.getJob(jobId);
      return found !== undefined && (await found.getState()) === 'failed' ? found : null;
    }, { timeoutMs: 10_000, description: 'BullMQ to give the job up' });
    expect(job.attemptsMade).toBe(3);
    expect(job.failedReason).toMatch(/no longer exists/);
    // Given up for good: no fourth attempt comes.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await job.getState()).toBe('failed');
    expect((await queue.queue.getJob(jobId))?.attemptsMade).toBe(3);
  }, 60_000);
});
