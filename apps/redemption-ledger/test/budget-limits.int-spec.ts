import { ManualClock, type RedisClient } from '@promo/platform';
import { testInfra, waitFor } from '@promo/platform/testing';
import { Redis } from 'ioredis';
import type { Client } from 'pg';
import { aCancellation, anOrder } from './builders/order-event.builder';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request, type RunningLedger, STOREFRONT_KEY } from './support/ledger-test-env';
import { type AttemptResult, count, runReservationLoad } from './support/reservation-load';

/** One discount of 1,000 minor units per reservation: a budget of 10,000 fits exactly 10 of them. */
const DISCOUNT = 1_000;

interface BudgetHeld {
  readonly answeredReserved: number;
  readonly refusedForBudget: number;
  readonly otherOutcomes: number;
  readonly postgresHeld: number;
  readonly redisSpent: number;
}

/**
 * #23, rule 19: a promotion's discount budget is enforced like its use limits (L2, L3): reserved in the same
 * Lua step, committed at order.placed, given back on release, expiry and cancellation, rebuilt from Postgres.
 */
describe('promotion budgets in the ledger (#23)', () => {
  const clock = new ManualClock('2026-11-20T10:00:00Z');
  let harness: LedgerHarness;
  let ledger: RunningLedger;
  let redis: RedisClient;
  let sql: Client;

  const learn = async (change: unknown) => expect((await request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', change)).status).toBe(200);
  const reserve = (body: unknown) => request(ledger.baseUrl, STOREFRONT_KEY, 'POST', '/v1/reservations', body);
  const aUse = (promotionId: string, amount: number, currency = 'USD') => ({ promotionId, units: 1, discount: { amount, currency } });
  const spentInRedis = async (promotionId: string) => Number((await redis.get(`usage:{${promotionId}}:budget`)) ?? 0);
  const heldInPostgres = async (promotionId: string): Promise<number> =>
    Number((await sql.query(`SELECT coalesce(sum(discount_amount), 0) AS n FROM usage_holds WHERE promotion_id = $1 AND state IN ('reserved', 'committed')`, [promotionId])).rows[0]?.n ?? 0);
  const budgetHeld = async (promotionId: string, results: readonly AttemptResult[]): Promise<BudgetHeld> => ({
    answeredReserved: count(results, (r) => r.outcome === 'reserved'),
    refusedForBudget: count(results, (r) => r.outcome === 'refused' && r.reason === 'budget_exhausted'),
    otherOutcomes: count(results, (r) => r.outcome === 'failed' || (r.outcome === 'refused' && r.reason !== 'budget_exhausted')),
    postgresHeld: await heldInPostgres(promotionId),
    redisSpent: await spentInRedis(promotionId),
  });
  const loadOf = (promotionId: string, attempts: number, onAttempt?: (results: readonly AttemptResult[]) => undefined, first = 0) =>
    runReservationLoad({
      baseUrl: () => ledger.baseUrl,
      key: STOREFRONT_KEY,
      clients: 50,
      attempts,
      body: (n) => {
        const index = first + n;
        return { reservationId: `${promotionId}-${index}`, cartId: `cart-${index}`, customerId: `cu-${index}`, uses: [aUse(promotionId, DISCOUNT)] };
      },
      ...(onAttempt ? { onAttempt } : {}),
    });
  /** The rebuild after a loss is over: the sentinel is back and the promotion's counters are not fenced. */
  const rebuildDone = (promotionId: string) =>
    waitFor(async () => (await redis.exists('usage:sentinel')) === 1 && (await redis.hexists(`usage:{${promotionId}}:limits`, 'fence')) === 0, {
      timeoutMs: 60_000,
      description: 'the rebuild of the ledger’s Redis state done',
    });

  beforeAll(async () => {
    harness = await startLedgerHarness({ clock, env: { RESERVATION_TTL_MS: '60000' } });
    ({ ledger, redis, sql } = harness);
  }, 60_000);

  afterAll(() => harness.close(), 60_000);

  it('never overruns a budget under 50 concurrent reservations: a budget that fits 10 holds exactly 10', async () => {
    await learn(aPromotionChange('b-steady').withBudget(10 * DISCOUNT).build());
    const results = await loadOf('b-steady', 200);
    expect(await budgetHeld('b-steady', results)).toEqual({ answeredReserved: 10, refusedForBudget: 190, otherOutcomes: 0, postgresHeld: 10_000, redisSpent: 10_000 });
  }, 60_000);

  it('never overruns a budget when Redis loses the ledger’s keys mid-load, and rebuilds what is spent from Postgres', async () => {
    await learn(aPromotionChange('b-flush').withBudget(50 * DISCOUNT).build());
    // Exactly the ledger's keys (its prefix), in one atomic script: a FLUSHALL would wipe other tests' keys on the shared Redis.
    const wiper = new Redis(testInfra().redisUrl);
    let flushed: Promise<unknown> | undefined;
    const flushMidLoad = (results: readonly AttemptResult[]): undefined => {
      if (flushed || count(results, (r) => r.outcome === 'reserved') < 20) return undefined;
      flushed = wiper.eval(`for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end return 1`, 0, `${harness.env['REDIS_KEY_PREFIX'] ?? ''}redemption-ledger:*`);
      return undefined;
    };
    const flood = await loadOf('b-flush', 600, flushMidLoad);
    expect(await flushed).toBe(1);
    await wiper.quit();
    expect(count(flood, (r) => r.outcome === 'unavailable')).toBeGreaterThan(0);
    // On a loaded machine the flood may end while the rebuild still fences the promotion (every answer a 503), before
    // the budget is filled: once it is rebuilt, more reservations fill what is left, and never more.
    await rebuildDone('b-flush');
    const results = [...flood, ...(await loadOf('b-flush', 100, undefined, 600))];

    const held = await budgetHeld('b-flush', results);
    // 50 of the 700 fit the budget of 50,000; the rest are refused for it or were asked to retry while Redis was rebuilt.
    expect({ ...held, refusedForBudget: held.refusedForBudget + count(results, (r) => r.outcome === 'unavailable') }).toEqual({
      answeredReserved: 50,
      refusedForBudget: 650,
      otherOutcomes: 0,
      postgresHeld: 50_000,
      redisSpent: 50_000,
    });
  }, 90_000);

  it('gives a released reservation’s discount back, and refuses the one that does not fit what is left', async () => {
    await learn(aPromotionChange('b-release').withBudget(2_500).build());
    expect((await reserve({ reservationId: 'br-1', cartId: 'c1', customerId: 'cu-1', uses: [aUse('b-release', 2_000)] })).body).toMatchObject({ status: 'reserved' });
    expect((await reserve({ reservationId: 'br-2', cartId: 'c2', customerId: 'cu-2', uses: [aUse('b-release', 600)] })).body).toMatchObject({
      status: 'refused',
      uses: [{ promotionId: 'b-release', status: 'refused', reason: 'budget_exhausted', limit: 2_500 }],
    });
    // What is left (500) still fits a smaller discount.
    expect((await reserve({ reservationId: 'br-3', cartId: 'c3', customerId: 'cu-3', uses: [aUse('b-release', 500)] })).body).toMatchObject({ status: 'reserved' });
    expect((await request(ledger.baseUrl, STOREFRONT_KEY, 'POST', '/v1/reservations/br-1/release')).status).toBe(200);
    expect(await spentInRedis('b-release')).toBe(500);
    expect((await reserve({ reservationId: 'br-4', cartId: 'c4', customerId: 'cu-4', uses: [aUse('b-release', 2_000)] })).body).toMatchObject({ status: 'reserved' });
    expect(await spentInRedis('b-release')).toBe(2_500);
  });

  it('commits the order’s discount at order.placed and gives it back at order.cancelled', async () => {
    await learn(aPromotionChange('b-order').withBudget(3_000).build());
    expect((await reserve({ reservationId: 'bo-1', cartId: 'c1', customerId: 'cu-1', uses: [aUse('b-order', 2_000)] })).body).toMatchObject({ status: 'reserved' });
    // The order gave less than was reserved: the difference goes back to the budget.
    await harness.publish('order.placed', 'bo-order-1', anOrder('bo-order-1').by('cu-1').withReservation('bo-1').withUse('b-order', null, 1_500).build());
    await waitFor(async () => (await heldInPostgres('b-order')) === 1_500, { description: 'order committed with its discount' });
    expect(await spentInRedis('b-order')).toBe(1_500);
    // An order without a reservation takes its discount only while it fits: 1,500 + 2,000 > 3,000 is rejected.
    await harness.publish('order.placed', 'bo-order-2', anOrder('bo-order-2').by('cu-2').withUse('b-order', null, 2_000).build());
    await waitFor(async () => (await sql.query(`SELECT reason FROM order_uses WHERE order_id = 'bo-order-2'`)).rows[0]?.reason === 'budget_exhausted', { description: 'order beyond budget rejected' });
    await harness.publish('order.cancelled', 'bo-order-1', aCancellation('bo-order-1', 'cu-1'));
    await waitFor(async () => (await spentInRedis('b-order')) === 0, { description: 'cancelled order’s discount given back' });
    expect(await heldInPostgres('b-order')).toBe(0);
  });

  it('gives an expired reservation’s discount back', async () => {
    await learn(aPromotionChange('b-expiry').withBudget(1_000).build());
    expect((await reserve({ reservationId: 'be-1', cartId: 'c1', customerId: 'cu-1', uses: [aUse('b-expiry', 1_000)] })).body).toMatchObject({ status: 'reserved' });
    clock.advance(61_000);
    await waitFor(async () => (await spentInRedis('b-expiry')) === 0, { description: 'expired reservation swept', timeoutMs: 20_000 });
    expect((await reserve({ reservationId: 'be-2', cartId: 'c2', customerId: 'cu-2', uses: [aUse('b-expiry', 1_000)] })).body).toMatchObject({ status: 'reserved' });
  });

  it('refuses a use of a budgeted promotion that does not say its discount, or says it in another currency', async () => {
    await learn(aPromotionChange('b-strict').withBudget(1_000, 'EUR').build());
    const unsaid = await reserve({ reservationId: 'bs-1', cartId: 'c1', customerId: 'cu-1', uses: [{ promotionId: 'b-strict', units: 1 }] });
    expect(unsaid.status).toBe(400);
    expect(unsaid.body).toMatchObject({ errors: [{ field: 'uses[0].discount', reason: 'required' }] });
    expect((await reserve({ reservationId: 'bs-2', cartId: 'c2', customerId: 'cu-2', uses: [aUse('b-strict', 100, 'USD')] })).body).toMatchObject({
      status: 'refused',
      uses: [{ status: 'refused', reason: 'budget_currency_mismatch' }],
    });
    expect(await spentInRedis('b-strict')).toBe(0);
  });
});
