import { testInfra } from '@promo/platform/testing';
import { Redis } from 'ioredis';
import type { RedisClient } from '@promo/platform';
import type { Client } from 'pg';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request, type RunningLedger, STOREFRONT_KEY } from './support/ledger-test-env';
import { heldAfter, limitRun, RUN } from './support/limit-run';
import { type AttemptResult, count, runReservationLoad } from './support/reservation-load';

/** By hand from the run: 1,000 uses of the code, one per customer for the 500 customers, everywhere. */
const EXACTLY_THE_LIMITS = {
  answeredReserved: { hot: 1_000, perCustomer: 500 },
  postgresLive: { hot: 1_000, perCustomer: 500 },
  redisTotal: { hot: 1_000, perCustomer: 500 },
  redisCode: 1_000,
  maxPerCustomerInRedis: 1,
  maxPerCustomerInPostgres: 1,
  answeredButMissingInPostgres: 0,
  wrongReasons: 0,
};

describe('reserveUsage under 200 concurrent clients', () => {
  let harness: LedgerHarness;
  let env: Record<string, string>;
  let ledger: RunningLedger;
  let redis: RedisClient;
  let sql: Client;

  beforeAll(async () => {
    harness = await startLedgerHarness();
    ({ env, ledger, redis, sql } = harness);
  }, 60_000);

  afterAll(() => harness.close(), 60_000);

  it('accepts exactly 1,000 uses of a code limited to 1,000 and one per customer, and Postgres agrees with Redis', async () => {
    const run = limitRun('steady');
    for (const change of run.changes) expect((await request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', change)).status).toBe(200);

    const results = await runReservationLoad({ baseUrl: () => ledger.baseUrl, key: STOREFRONT_KEY, clients: RUN.clients, attempts: RUN.attempts, body: run.body });

    expect(results).toHaveLength(20_000);
    expect(count(results, (r) => r.outcome === 'failed' || r.outcome === 'unavailable')).toBe(0);
    expect(await heldAfter(run, results, sql, redis)).toEqual(EXACTLY_THE_LIMITS);
  }, 120_000);

  it('never holds more than the limits when Redis loses the ledger’s keys mid-load, and rebuilds them from Postgres', async () => {
    const run = limitRun('flush');
    for (const change of run.changes) expect((await request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', change)).status).toBe(200);
    // FLUSHALL would wipe every other test's and person's keys on the shared Redis. Deleting exactly the
    // ledger's keys (everything under its prefix) in one atomic script is the same loss as seen by the ledger.
    const wiper = new Redis(testInfra().redisUrl);
    let flushed: Promise<unknown> | undefined;
    const flushMidLoad = (results: readonly AttemptResult[]): undefined => {
      if (flushed || count(results, (r) => r.outcome === 'reserved' && r.promotionId === run.hot) < RUN.codeLimit / 2) return undefined;
      // Not awaited: the other clients go on reserving while the keys vanish.
      flushed = wiper.eval(`for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end return 1`, 0, `${env['REDIS_KEY_PREFIX'] ?? ''}redemption-ledger:*`);
      return undefined;
    };

    const results = await runReservationLoad({ baseUrl: () => ledger.baseUrl, key: STOREFRONT_KEY, clients: RUN.clients, attempts: RUN.variantAttempts, body: run.body, onAttempt: flushMidLoad });
    expect(await flushed).toBe(1);
    await wiper.quit();

    const unavailable = results.filter((r) => r.outcome === 'unavailable');
    expect(unavailable.length).toBeGreaterThan(0);
    expect(new Set(unavailable.map((r) => r.retryAfter))).toEqual(new Set(['1']));
    expect(count(results, (r) => r.outcome === 'failed')).toBe(0);
    expect(await heldAfter(run, results, sql, redis)).toEqual(EXACTLY_THE_LIMITS);
  }, 120_000);
});
