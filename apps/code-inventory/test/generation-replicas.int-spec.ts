import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import type { ServiceProcess } from '@promo/service-runtime/testing';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { inventoryEnv, migrateInventory } from './support/inventory-app';
import { GENERATION_QUEUE, generationQueuePrefix } from '../src/generation/generation-queue';
import { adminCall, startInventoryProcess } from './support/inventory-process';

interface Progress {
  id: string;
  state: string;
  total: number;
  done: number;
}

const TOTAL = 300_000;

/**
 * #18: two replicas share one BullMQ queue. BullMQ runs a job at least once: a worker that stops renewing its
 * lock (a pause, a Redis failover) loses the job to another worker's stalled check, and keeps running it when it
 * wakes up. The job's codes must still be made once.
 */
describe('bulk generation on two replicas (C3)', () => {
  const running: ServiceProcess[] = [];
  let sql: Pool;
  let redis: Redis;

  afterAll(async () => {
    for (const service of running) {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGCONT');
        service.child.kill('SIGKILL');
        await service.exited;
      }
    }
    await sql.end();
    redis.disconnect();
  });

  it('makes a job\'s codes once when a paused replica wakes up after another took the job over', async () => {
    // Small batches and the shortest lock: many batches in flight, and a quick takeover.
    const env: Record<string, string> = inventoryEnv({ GENERATION_BATCH_SIZE: '2000', GENERATION_LOCK_MS: '1000' });
    await migrateInventory(env);
    sql = new Pool({ connectionString: env['PG_URL'], max: 1, options: '-c search_path=code_inventory' });
    redis = new Redis(env['REDIS_URL'] ?? '');
    const start = (): Promise<ServiceProcess> => startInventoryProcess(env, running);
    const call = adminCall;
    const jobRow = async (id: string): Promise<{ state: string; done: number }> => {
      const { rows } = await sql.query<{ state: string; done: string }>(`SELECT state, done FROM generation_jobs WHERE id = $1`, [id]);
      return { state: rows[0]?.state ?? 'missing', done: Number(rows[0]?.done ?? 0) };
    };

    const first = await start();
    const groupId = `P${uniqueSuffix().toUpperCase()}`;
    expect((await call(first, 'POST', '/v1/groups', { groupId, name: 'Pause', promotionId: 'promo-pause' })).status).toBe(201);
    const job = (await (await call(first, 'POST', `/v1/groups/${groupId}/generate`, { count: TOTAL, length: 12, prefix: `${groupId}-` })).json()) as Progress;
    await waitFor(async () => (await jobRow(job.id)).done >= 10_000, { timeoutMs: 60_000, intervalMs: 20, description: 'the first replica to be generating' });

    // The first replica stops (as in a long pause) with the job in hand; its BullMQ lock runs out meanwhile.
    first.child.kill('SIGSTOP');
    const second = await start();
    const jobKey = `${generationQueuePrefix({ REDIS_KEY_PREFIX: env['REDIS_KEY_PREFIX'] ?? '' })}:${GENERATION_QUEUE}:${job.id}`;
    await waitFor(async () => Number((await redis.hget(jobKey, 'ats')) ?? 0) >= 2, {
      timeoutMs: 30_000,
      intervalMs: 50,
      description: 'the second replica to take the stalled job',
    });
    first.child.kill('SIGCONT');

    await waitFor(async () => (await jobRow(job.id)).state === 'completed', { timeoutMs: 120_000, intervalMs: 250, description: 'the job to complete' });
    // Both workers are done with it once BullMQ has finished the job (the woken one can no longer finish it).
    await waitFor(async () => (await redis.hget(jobKey, 'finishedOn')) !== null, { timeoutMs: 60_000, intervalMs: 100, description: 'BullMQ to finish the job' });

    expect(await jobRow(job.id)).toEqual({ state: 'completed', done: TOTAL });
    const { rows } = await sql.query<{ total: string; distinct_codes: string }>(
      `SELECT count(*) AS total, count(DISTINCT lower(code)) AS distinct_codes FROM codes WHERE group_id = $1`,
      [groupId],
    );
    expect(rows[0]).toEqual({ total: String(TOTAL), distinct_codes: String(TOTAL) });
    expect(await (await call(second, 'GET', `/v1/groups/${groupId}`)).json()).toMatchObject({ total: TOTAL, available: TOTAL });

    // Clean stops leave the consumer group at once, so the next test's service joins it without waiting.
    for (const service of [first, second]) service.child.kill('SIGTERM');
    expect(await Promise.all([first.exited, second.exited])).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
  }, 240_000);
});
