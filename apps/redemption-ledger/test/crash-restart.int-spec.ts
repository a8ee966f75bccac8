import { freePort, startServiceProcess, type ServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import type { RedisClient } from '@promo/platform';
import type { Client } from 'pg';
import { ADMIN_KEY, createTestDatabase, deleteLedgerKeys, deleteLedgerTopics, dropTestDatabase, ledgerRedis, ledgerTestEnv, migrate, request, sqlClient, STOREFRONT_KEY } from './support/ledger-test-env';
import { heldAfter, limitRun, RUN } from './support/limit-run';
import { type AttemptResult, count, runReservationLoad } from './support/reservation-load';

describe('reserveUsage when the ledger process is killed mid-load', () => {
  let pgUrl: string;
  let env: Record<string, string>;
  let service: ServiceProcess | undefined;
  let redis: RedisClient;
  let sql: Client;

  /** A process on a port of its own each time (the killed one's port may linger); clients follow `baseUrl`. */
  const start = async (): Promise<ServiceProcess> => {
    const started = startServiceProcess('redemption-ledger', 'main', { ...env, HTTP_PORT: String(await freePort()) });
    await waitUntilReady(started, 120_000);
    return started;
  };

  beforeAll(async () => {
    pgUrl = await createTestDatabase();
    env = ledgerTestEnv(pgUrl);
    await migrate(env);
    redis = ledgerRedis(env);
    sql = await sqlClient(pgUrl);
  }, 60_000);

  afterAll(async () => {
    if (service && service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    await deleteLedgerKeys(redis);
    await redis.quit();
    await sql.end();
    await dropTestDatabase(pgUrl);
    await deleteLedgerTopics(env['KAFKA_TOPIC_PREFIX'] ?? '');
  }, 60_000);

  it('never holds more than the limits across a SIGKILL and restart, and loses no reservation it confirmed', async () => {
    service = await start();
    const run = limitRun('crash');
    for (const change of run.changes) expect((await request(service.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', change)).status).toBe(200);
    let restarts = 0;
    const killMidLoad = (results: readonly AttemptResult[]): Promise<void> | undefined => {
      const killed = service;
      if (restarts > 0 || !killed || count(results, (r) => r.outcome === 'reserved' && r.promotionId === run.hot) < RUN.codeLimit / 2) return undefined;
      restarts += 1;
      killed.child.kill('SIGKILL');
      // Every client waits for the restart; requests in flight when the process died fail.
      return killed.exited.then(async (exit) => {
        expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
        service = await start();
      });
    };

    const results = await runReservationLoad({ baseUrl: () => service?.baseUrl ?? '', key: STOREFRONT_KEY, clients: RUN.clients, attempts: RUN.variantAttempts, body: run.body, onAttempt: killMidLoad });

    expect(restarts).toBe(1);
    const held = await heldAfter(run, results, sql, redis);
    // A reservation taken in Redis whose process died before Postgres recorded it (its client got no answer)
    // holds its use until its TTL: Redis may count more than Postgres, never more than the limit.
    expect(held.answeredButMissingInPostgres).toBe(0);
    expect(held.wrongReasons).toBe(0);
    expect(held.redisTotal).toEqual({ hot: 1_000, perCustomer: 500 });
    expect(held.redisCode).toBe(1_000);
    expect(held.maxPerCustomerInRedis).toBe(1);
    expect(held.maxPerCustomerInPostgres).toBe(1);
    expect(held.postgresLive.hot).toBeLessThanOrEqual(1_000);
    expect(held.postgresLive.perCustomer).toBeLessThanOrEqual(500);
    expect(held.answeredReserved.hot).toBeLessThanOrEqual(held.postgresLive.hot);
    expect(held.answeredReserved.perCustomer).toBeLessThanOrEqual(held.postgresLive.perCustomer);
    expect(1_000 - held.postgresLive.hot).toBeLessThanOrEqual(count(results, (r) => r.outcome === 'failed' && r.promotionId === run.hot));
  }, 240_000);
});
