import { testInfra, waitFor } from '@promo/platform/testing';
import { Redis } from 'ioredis';
import { aCancellation, anOrder, envelope } from './builders/order-event.builder';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerReplicas, startLedgerReplicas } from './support/ledger-replicas';
import { request, STOREFRONT_KEY } from './support/ledger-test-env';
import { type AttemptResult, count, runReservationLoad } from './support/reservation-load';

/** Orders each placed and cancelled at the same moment (issue 18 A). */
const RACED_ORDERS = 150;
/** Promotions flooded at once (each a fresh chance that a non-atomic rebuild empties its counters before its limits). */
const HOT_PROMOTIONS = 4;
const HOT_LIMIT = 100;
/** Committed uses already in Postgres, so that deleting and rewriting Redis takes long enough to be raced. */
const BULK_HOLDS = 30_000;
const FLOOD = { clients: 200, attempts: 4_000 } as const;

interface Held {
  readonly promotionId: string;
  readonly answeredReserved: number;
  readonly postgresLive: number;
  readonly redisTotal: number;
}

/**
 * Ops run every service with 2+ replicas on one database, one Redis and one consumer group (issue 18). Two
 * ledger processes here, as in production: what one process could not get wrong, two must not either.
 */
describe('two ledger replicas on one database, Redis and consumer group', () => {
  let pair: LedgerReplicas;

  const learn = async (change: unknown) => expect((await pair.admin('/v1/promotion-changes', change)).status).toBe(200);
  const floodBody = (name: string) => (index: number) => ({
    reservationId: `${name}-${index}`,
    cartId: `cart-${name}-${index}`,
    customerId: `cu-${name}-${index}`,
    uses: [{ promotionId: `${name}-hot-${index % HOT_PROMOTIONS}`, units: 1 }],
  });
  const hotPromotions = (name: string) => Array.from({ length: HOT_PROMOTIONS }, (_unused, n) => `${name}-hot-${n}`);
  const rebuildDone = (name: string): Promise<unknown> =>
    waitFor(
      async () => {
        if ((await pair.redis.exists('usage:sentinel')) === 0) return false;
        for (const promotionId of hotPromotions(name)) if ((await pair.redis.hexists(`usage:{${promotionId}}:limits`, 'fence')) === 1) return false;
        return true;
      },
      { timeoutMs: 60_000, description: 'the rebuild done (sentinel set, no fence)' },
    );
  /**
   * The flood may end while a rebuild still fences the replicas (503s), before any limit is reached: once the rebuild
   * is done, more reservations for the same promotions fill every limit, so the limit is reached and never passed.
   */
  const topUp = async (name: string, results: readonly AttemptResult[]): Promise<AttemptResult[]> => {
    await rebuildDone(name);
    const more = await runReservationLoad({ baseUrl: pair.roundRobin(), key: STOREFRONT_KEY, clients: 20, attempts: HOT_PROMOTIONS * HOT_LIMIT, body: (index) => floodBody(name)(FLOOD.attempts + index) });
    return [...results, ...more];
  };
  /** What the clients were told, what Postgres holds and what Redis counts, once no rebuild is under way. */
  const heldAfter = async (name: string, results: readonly AttemptResult[]): Promise<Held[]> => {
    await rebuildDone(name);
    const held: Held[] = [];
    for (const promotionId of hotPromotions(name)) {
      const live = await pair.sql.query(`SELECT count(*)::int AS n FROM usage_holds WHERE promotion_id = $1 AND state IN ('reserved', 'committed')`, [promotionId]);
      held.push({
        promotionId,
        answeredReserved: count(results, (r) => r.outcome === 'reserved' && r.promotionId === promotionId),
        postgresLive: live.rows[0]?.n ?? 0,
        redisTotal: Number((await pair.redis.get(`usage:{${promotionId}}:total`)) ?? 0),
      });
    }
    return held;
  };
  /** Every limit reached and none passed, and what the clients were told is what Postgres and Redis hold. */
  const expectWithinLimits = (held: readonly Held[]): void => {
    expect(held.filter((h) => h.answeredReserved > HOT_LIMIT || h.postgresLive > HOT_LIMIT || h.redisTotal > HOT_LIMIT)).toEqual([]);
    expect(held.filter((h) => h.postgresLive !== h.answeredReserved || h.redisTotal !== h.postgresLive)).toEqual([]);
    expect(held.filter((h) => h.answeredReserved !== HOT_LIMIT)).toEqual([]);
  };
  const unavailableOn = async (replica: number): Promise<number> => {
    const metrics = await (await fetch(`${pair.replicas[replica]?.baseUrl ?? ''}/metrics`)).text();
    return Number(/^ledger_reservations_total\{outcome="unavailable"\} (\d+)$/m.exec(metrics)?.[1] ?? 0);
  };
  beforeAll(async () => {
    // One partition per topic: the group's round-robin gives order.placed and order.cancelled to different replicas.
    pair = await startLedgerReplicas(2, { KAFKA_TOPIC_PARTITIONS: '1' });
  }, 240_000);

  afterAll(() => pair.close(), 120_000);

  it('gives back the uses of every order whose placement and cancellation two replicas consume at the same time', async () => {
    const promotionId = 'replicas-race';
    await learn(aPromotionChange(promotionId).withLimits({ totalUses: RACED_ORDERS }).build());
    const prefix = pair.env['KAFKA_TOPIC_PREFIX'] ?? '';
    const owners = await pair.assignment();
    expect(owners.get(`${prefix}order.placed/0`)).not.toBe(owners.get(`${prefix}order.cancelled/0`));

    for (let n = 0; n < RACED_ORDERS; n += 1) {
      const orderId = `race-${n}`;
      const placed = anOrder(orderId).by(`cu-race-${n}`).withUse(promotionId, null, 500).build();
      await Promise.all([
        pair.send('order.placed', [{ key: orderId, value: envelope('order.placed', orderId, placed, `placed-${orderId}`) }]),
        pair.send('order.cancelled', [{ key: orderId, value: envelope('order.cancelled', orderId, aCancellation(orderId, `cu-race-${n}`), `cancelled-${orderId}`) }]),
      ]);
      await waitFor(async () => (await pair.sql.query('SELECT count(*)::int AS n FROM processed_events WHERE event_id = ANY($1::text[])', [[`placed-${orderId}`, `cancelled-${orderId}`]])).rows[0]?.n === 2, {
        intervalMs: 5,
        description: `both events of ${orderId} consumed`,
      });
    }

    const statuses = await pair.sql.query(`SELECT status, count(*)::int AS n FROM orders WHERE order_id LIKE 'race-%' GROUP BY status ORDER BY status`);
    const stillHeld = await pair.sql.query(`SELECT count(*)::int AS n FROM usage_holds WHERE promotion_id = $1 AND state IN ('reserved', 'committed')`, [promotionId]);
    const page = await pair.admin(`/v1/ledger?promotionId=${promotionId}&limit=1000`);
    const kinds = (page.body as { items: { kind: string }[] }).items.map((entry) => entry.kind);
    expect({
      statuses: Object.fromEntries(statuses.rows.map((row: { status: string; n: number }) => [row.status, row.n])),
      stillHeld: stillHeld.rows[0]?.n,
      committed: kinds.filter((kind) => kind === 'committed').length,
      reversed: kinds.filter((kind) => kind === 'reversed').length,
      redisTotal: Number((await pair.redis.get(`usage:{${promotionId}}:total`)) ?? 0),
    }).toEqual({ statuses: { cancelled: RACED_ORDERS }, stillHeld: 0, committed: RACED_ORDERS, reversed: RACED_ORDERS, redisTotal: 0 });
  }, 180_000);

  /** What the replicas logged at error level (the cause of a 500), de-duplicated, for a failing assertion. */
  const replicaErrors = (): string =>
    [...new Set(pair.replicas.flatMap((replica) => replica.output().split('\n').filter((line) => line.includes('"level":"error"'))))].slice(0, 20).join('\n');

  describe('when Redis loses the counters', () => {
    beforeAll(async () => {
      const bulk = 'replicas-bulk';
      await learn(aPromotionChange(bulk).build());
      await pair.sql.query(
        `INSERT INTO usage_holds (hold_id, promotion_id, reservation_id, order_id, code, code_key, customer_id, units, state, expires_at, created_at, updated_at)
         SELECT 'o:bulk-' || n || ':0', $1, NULL, 'bulk-' || n, NULL, NULL, 'cu-bulk-' || n, 1, 'committed', NULL, now(), now() FROM generate_series(1, $2::int) n`,
        [bulk, BULK_HOLDS],
      );
      // The sentinel gone is a loss to every replica: the counters (the bulk ones with them) are rebuilt from Postgres.
      await pair.redis.del('usage:sentinel');
      await waitFor(async () => (await pair.redis.get(`usage:{${bulk}}:total`)) === String(BULK_HOLDS) && (await pair.redis.exists('usage:sentinel')) === 1, {
        timeoutMs: 60_000,
        description: 'bulk holds rebuilt into Redis',
      });
    }, 120_000);

    it('never accepts more than a limit when Redis loses the ledger’s keys under a flood on both replicas', async () => {
      const name = 'flush';
      for (const promotionId of hotPromotions(name)) await learn(aPromotionChange(promotionId).withLimits({ totalUses: HOT_LIMIT }).build());
      // Every key under the ledger's prefix in one atomic script: the loss as the replicas see it (FLUSHALL would wipe other runs' keys).
      const wiper = new Redis(testInfra().redisUrl);
      let flushed: Promise<unknown> | undefined;
      const flushMidLoad = (results: readonly AttemptResult[]): undefined => {
        if (!flushed && count(results, (r) => r.outcome === 'reserved') >= (HOT_PROMOTIONS * HOT_LIMIT) / 2) {
          flushed = wiper.eval(`for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('UNLINK', key) end return 1`, 0, `${pair.env['REDIS_KEY_PREFIX'] ?? ''}redemption-ledger:*`);
        }
        return undefined;
      };

      const flood = await runReservationLoad({ baseUrl: pair.roundRobin(), key: STOREFRONT_KEY, ...FLOOD, body: floodBody(name), onAttempt: flushMidLoad });
      expect(await flushed).toBe(1);
      await wiper.quit();
      const results = await topUp(name, flood);

      if (results.some((r) => r.outcome === 'failed')) process.stderr.write(`replicas' error lines:\n${replicaErrors()}\n`);
      expect(results.filter((r) => r.outcome === 'failed').map((r) => `${r.status} ${r.reason ?? ''}`)).toEqual([]);
      expectWithinLimits(await heldAfter(name, results));
    }, 180_000);

    it('fences the other replica’s reservations while one replica rebuilds the counters, so none is admitted against half of them', async () => {
      const name = 'fence';
      const canary = `${name}-canary`;
      for (const promotionId of hotPromotions(name)) await learn(aPromotionChange(promotionId).withLimits({ totalUses: HOT_LIMIT }).build());
      await learn(aPromotionChange(canary).build());
      const unavailableBefore = await unavailableOn(0);
      let lost: Promise<number> | undefined;
      // A partial loss only replica 1 sees (one promotion's limits gone): replica 1 rebuilds everything while both take the flood.
      const loseCanaryMidLoad = (results: readonly AttemptResult[]): undefined => {
        if (!lost && count(results, (r) => r.outcome === 'reserved') >= (HOT_PROMOTIONS * HOT_LIMIT) / 2) {
          lost = pair.redis.del(`usage:{${canary}}:limits`).then(async () => {
            const body = { reservationId: `${canary}-1`, cartId: 'cart-canary', customerId: 'cu-canary', uses: [{ promotionId: canary, units: 1 }] };
            return (await request(pair.replicas[1]?.baseUrl ?? '', STOREFRONT_KEY, 'POST', '/v1/reservations', body)).status;
          });
        }
        return undefined;
      };

      const flood = await runReservationLoad({ baseUrl: pair.roundRobin(), key: STOREFRONT_KEY, ...FLOOD, body: floodBody(name), onAttempt: loseCanaryMidLoad });
      expect(await lost).toBe(503);
      const results = await topUp(name, flood);

      expect(results.filter((r) => r.outcome === 'failed').map((r) => `${r.status} ${r.reason ?? ''}`)).toEqual([]);
      expectWithinLimits(await heldAfter(name, results));
      // Replica 0 never saw the loss; the fence in Redis turned its reservations away (503) while replica 1 rebuilt.
      expect(await unavailableOn(0)).toBeGreaterThan(unavailableBefore);
    }, 180_000);
  });
});
