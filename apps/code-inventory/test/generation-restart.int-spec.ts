import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import type { ServiceProcess } from '@promo/service-runtime/testing';
import { Pool } from 'pg';
import { inventoryEnv, migrateInventory } from './support/inventory-app';
import { adminCall, startInventoryProcess } from './support/inventory-process';

interface Progress {
  id: string;
  state: string;
  total: number;
  done: number;
}

describe('bulk generation across a crash (C3)', () => {
  const running: ServiceProcess[] = [];
  let sql: Pool;

  afterAll(async () => {
    for (const service of running) {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGKILL');
        await service.exited;
      }
    }
    await sql.end();
  });

  it('resumes a job killed mid-way after the restart, with no duplicate and no loss', async () => {
    // Small batches and a short lock: many batches to kill in the middle of, and a quick takeover.
    const env: Record<string, string> = inventoryEnv({ GENERATION_BATCH_SIZE: '20000', GENERATION_LOCK_MS: '3000' });
    await migrateInventory(env);
    sql = new Pool({ connectionString: env['PG_URL'], max: 1, options: '-c search_path=code_inventory' });
    const start = (): Promise<ServiceProcess> => startInventoryProcess(env, running);
    const call = adminCall;

    const first = await start();
    const groupId = `R${uniqueSuffix().toUpperCase()}`;
    expect((await call(first, 'POST', '/v1/groups', { groupId, name: 'Restart', promotionId: 'promo-restart' })).status).toBe(201);
    const job = (await (await call(first, 'POST', `/v1/groups/${groupId}/generate`, { count: 240_000, length: 12, prefix: `${groupId}-` })).json()) as Progress;
    const before = await waitFor(
      async () => {
        const progress = (await (await call(first, 'GET', `/v1/jobs/${job.id}`)).json()) as Progress;
        return progress.done >= 60_000 ? progress : null;
      },
      { timeoutMs: 60_000, intervalMs: 20, description: 'a few batches before the crash' },
    );
    first.child.kill('SIGKILL');
    await first.exited;
    expect(before.done).toBeLessThan(240_000);

    const second = await start();
    const after = await waitFor(
      async () => {
        const progress = (await (await call(second, 'GET', `/v1/jobs/${job.id}`)).json()) as Progress;
        return progress.state === 'completed' ? progress : null;
      },
      { timeoutMs: 90_000, intervalMs: 250, description: 'the resumed job to complete' },
    );
    expect(after.done).toBe(240_000);
    const { rows } = await sql.query<{ total: string; distinct_codes: string }>(
      `SELECT count(*) AS total, count(DISTINCT lower(code)) AS distinct_codes FROM codes WHERE group_id = $1`,
      [groupId],
    );
    expect(rows[0]).toEqual({ total: '240000', distinct_codes: '240000' });
    expect(await (await call(second, 'GET', `/v1/groups/${groupId}`)).json()).toMatchObject({ total: 240_000, available: 240_000 });
    // A clean stop leaves the consumer group at once, so the next test's service joins it without waiting.
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 170_000);
});
