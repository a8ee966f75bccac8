import { ManualClock } from '@promo/platform';
import { waitFor } from '@promo/platform/testing';
import type { RedisClient } from '@promo/platform';
import type { Client } from 'pg';
import { aCancellation, anOrder } from './builders/order-event.builder';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request, type RunningLedger, STOREFRONT_KEY } from './support/ledger-test-env';

interface Entry {
  readonly kind: string;
  readonly orderId: string | null;
  readonly customerId: string | null;
  readonly reason: string | null;
}

describe('order.placed and order.cancelled', () => {
  const clock = new ManualClock('2026-11-20T10:00:00Z');
  let harness: LedgerHarness;
  let ledger: RunningLedger;
  let redis: RedisClient;
  let sql: Client;

  const learn = (change: unknown) => request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', change);
  const reserve = (body: unknown) => request(ledger.baseUrl, STOREFRONT_KEY, 'POST', '/v1/reservations', body);
  const publish = (topic: 'order.placed' | 'order.cancelled', key: string, data: unknown, id?: string) => harness.publish(topic, key, data, id);
  const entries = async (promotionId: string): Promise<[string, string | null, string | null, string | null][]> => {
    const page = await request(ledger.baseUrl, ADMIN_KEY, 'GET', `/v1/ledger?promotionId=${promotionId}`);
    return (page.body as { items: Entry[] }).items.map((e) => [e.kind, e.orderId, e.customerId, e.reason]);
  };
  const orderDone = (orderId: string, status = 'placed') =>
    waitFor(async () => (await sql.query('SELECT status FROM orders WHERE order_id = $1', [orderId])).rows[0]?.status === status, { description: `${orderId} ${status}` });
  const outboxTypes = async (promotionId: string) =>
    (await sql.query(`SELECT topic FROM outbox_messages WHERE key = $1 ORDER BY id`, [promotionId])).rows.map((row: { topic: string }) => row.topic);

  beforeAll(async () => {
    harness = await startLedgerHarness({ clock, env: { RESERVATION_TTL_MS: '60000' } });
    ({ ledger, redis, sql } = harness);
    for (const change of [
      aPromotionChange('p-welcome').coupon().withCodes('WELCOME20').build(),
      aPromotionChange('p-twice').coupon().withCodes('TWICE').build(),
      aPromotionChange('p-cancel').coupon().withCodes('CANCEL').build(),
      aPromotionChange('p-early').coupon().withCodes('EARLY').build(),
      aPromotionChange('p-reserved').withLimits({ totalUses: 1 }).build(),
      aPromotionChange('p-expired').withLimits({ totalUses: 1 }).build(),
      aPromotionChange('p-volume').coupon().withCodes('VOLUME').withLimits({ totalUses: 2, usesPerCustomer: 1 }).build(),
      aPromotionChange('p-lost').withLimits({ totalUses: 1 }).build(),
      aPromotionChange('p-unique').coupon().withCodes('SPRING').build(),
      aPromotionChange('p-grew').withLimits({ totalUses: 3, consumeUnit: 'item' }).build(),
      aPromotionChange('p-overgrew').withLimits({ totalUses: 2, consumeUnit: 'item' }).build(),
      aPromotionChange('p-shrank').withLimits({ totalUses: 3, consumeUnit: 'item' }).build(),
    ]) {
      expect((await learn(change)).status).toBe(200);
    }
  }, 60_000);

  afterAll(() => harness.close(), 60_000);

  it('accepts a use up to the limit and records the one beyond it as rejected, with events', async () => {
    await publish('order.placed', 'o-w1', anOrder('o-w1').by('cu-1').withUse('p-welcome', 'WELCOME20', 500).build());
    await publish('order.placed', 'o-w2', anOrder('o-w2').by('cu-1').withUse('p-welcome', 'welcome20', 400).build());
    await orderDone('o-w2');
    await orderDone('o-w1');
    const decided = await entries('p-welcome');
    // Both orders are keyed by order id, possibly on different partitions: which one wins is the ledger's order.
    expect(decided.map(([kind]) => kind).sort()).toEqual(['committed', 'rejected']);
    expect(decided.find(([kind]) => kind === 'rejected')?.[3]).toBe('customer_limit_reached');
    expect((await outboxTypes('p-welcome')).sort()).toEqual(['redemption.recorded', 'redemption.rejected']);
    expect(await redis.get('usage:{p-welcome}:customer:cu-1')).toBe('1');
  });

  it('has no second effect when an order is placed twice (redelivered, or republished with a new event id)', async () => {
    const order = anOrder('o-t1').by('cu-2').withUse('p-twice', 'TWICE', 500).build();
    await publish('order.placed', 'o-t1', order, 'evt-twice-1');
    await publish('order.placed', 'o-t1', order, 'evt-twice-1');
    await publish('order.placed', 'o-t1', order, 'evt-twice-2');
    await publish('order.placed', 'o-t-marker', anOrder('o-t-marker').by('cu-3').withUse('p-twice', 'TWICE', 500).build());
    await orderDone('o-t-marker');
    await waitFor(async () => (await sql.query(`SELECT count(*)::int AS n FROM processed_events WHERE event_id = 'evt-twice-2'`)).rows[0]?.n === 1, { description: 'the republished order consumed' });
    expect(await entries('p-twice')).toEqual(expect.arrayContaining([['committed', 'o-t1', 'cu-2', null], ['committed', 'o-t-marker', 'cu-3', null]]));
    expect((await entries('p-twice')).length).toBe(2);
    expect(await redis.get('usage:{p-twice}:total')).toBe('2');
  });

  it('reverses an accepted use once when the order is cancelled twice, and the use is free again', async () => {
    await publish('order.placed', 'o-c1', anOrder('o-c1').by('cu-4').withUse('p-cancel', 'CANCEL', 500).build());
    await orderDone('o-c1');
    await publish('order.cancelled', 'o-c1', aCancellation('o-c1', 'cu-4'));
    await publish('order.cancelled', 'o-c1', aCancellation('o-c1', 'cu-4'));
    await orderDone('o-c1', 'cancelled');
    await publish('order.placed', 'o-c2', anOrder('o-c2').by('cu-4').withUse('p-cancel', 'CANCEL', 500).build());
    await orderDone('o-c2');
    expect(await entries('p-cancel')).toEqual([
      ['committed', 'o-c1', 'cu-4', null],
      ['reversed', 'o-c1', 'cu-4', 'order_cancelled'],
      ['committed', 'o-c2', 'cu-4', null],
    ]);
    expect(await outboxTypes('p-cancel')).toEqual(['redemption.recorded', 'redemption.reversed', 'redemption.recorded']);
    expect(await redis.get('usage:{p-cancel}:total')).toBe('1');
  });

  it('applies a cancellation consumed before its order when the order arrives', async () => {
    await publish('order.cancelled', 'o-e1', aCancellation('o-e1', 'cu-5'));
    await orderDone('o-e1', 'cancelled_before_placed');
    await publish('order.placed', 'o-e1', anOrder('o-e1').by('cu-5').withUse('p-early', 'EARLY', 500).build());
    await orderDone('o-e1', 'cancelled');
    expect(await entries('p-early')).toEqual([
      ['committed', 'o-e1', 'cu-5', null],
      ['reversed', 'o-e1', 'cu-5', 'order_cancelled'],
    ]);
    expect(await redis.get('usage:{p-early}:total')).toBe('0');
  });

  it('gives nothing back when an order whose use was rejected is cancelled', async () => {
    await publish('order.placed', 'o-v1', anOrder('o-v1').by('cu-6').withUse('p-volume', 'VOLUME', 500).build());
    await orderDone('o-v1');
    await publish('order.placed', 'o-v2', anOrder('o-v2').by('cu-6').withUse('p-volume', 'VOLUME', 500).build());
    await orderDone('o-v2');
    await publish('order.cancelled', 'o-v2', aCancellation('o-v2', 'cu-6'));
    await orderDone('o-v2', 'cancelled');
    expect(await entries('p-volume')).toEqual([
      ['committed', 'o-v1', 'cu-6', null],
      ['rejected', 'o-v2', 'cu-6', 'customer_limit_reached'],
    ]);
    expect(await redis.get('usage:{p-volume}:total')).toBe('1');
  });

  it('accepts a leaked group code for one order only when orders carry it without a reservation (seed 002)', async () => {
    await publish('order.placed', 'o-u1', anOrder('o-u1').by('cu-20').withUse('p-unique', 'SPRING-X7K2', 500).build());
    await publish('order.placed', 'o-u2', anOrder('o-u2').by('cu-21').withUse('p-unique', 'spring-x7k2', 500).build());
    await publish('order.placed', 'o-u3', anOrder('o-u3').by('cu-22').withUse('p-unique', 'SPRING', 500).build());
    await publish('order.placed', 'o-u4', anOrder('o-u4').by('cu-23').withUse('p-unique', 'SPRING', 500).build());
    for (const orderId of ['o-u1', 'o-u2', 'o-u3', 'o-u4']) await orderDone(orderId);
    const decided = await entries('p-unique');
    // o-u1 and o-u2 may be consumed in either order: one of them wins the code.
    expect(decided.filter(([, orderId]) => orderId === 'o-u1' || orderId === 'o-u2').map(([kind, , , reason]) => [kind, reason]).sort()).toEqual([
      ['committed', null],
      ['rejected', 'code_limit_reached'],
    ]);
    expect(decided.filter(([, orderId]) => orderId === 'o-u3' || orderId === 'o-u4').map(([kind]) => kind)).toEqual(['committed', 'committed']);
  });

  it('commits the order’s units of a per-item promotion, not the reserved ones, under the limit (#19.5)', async () => {
    // The cart grew from 1 to 3 discounted items after reserving: the limit of 3 is then spent.
    expect((await reserve({ reservationId: 'res-g1', cartId: 'cart-o-g1', customerId: 'cu-30', uses: [{ promotionId: 'p-grew', units: 1 }] })).body).toMatchObject({ status: 'reserved' });
    await publish('order.placed', 'o-g1', anOrder('o-g1').by('cu-30').withUse('p-grew', null, 900, 3).withReservation('res-g1').build());
    await orderDone('o-g1');
    await publish('order.placed', 'o-g2', anOrder('o-g2').by('cu-31').withUse('p-grew', null, 300, 1).build());
    await orderDone('o-g2');
    expect(await entries('p-grew')).toEqual([
      ['reserved', null, 'cu-30', null],
      ['committed', 'o-g1', 'cu-30', null],
      ['rejected', 'o-g2', 'cu-31', 'total_limit_reached'],
    ]);
    expect(await redis.get('usage:{p-grew}:total')).toBe('3');
  });

  it('rejects a per-item use whose order grew beyond the limit after reserving, and gives the reservation back (#19.5)', async () => {
    expect((await reserve({ reservationId: 'res-og1', cartId: 'cart-o-og1', customerId: 'cu-32', uses: [{ promotionId: 'p-overgrew', units: 1 }] })).body).toMatchObject({ status: 'reserved' });
    await publish('order.placed', 'o-og1', anOrder('o-og1').by('cu-32').withUse('p-overgrew', null, 900, 3).withReservation('res-og1').build());
    await orderDone('o-og1');
    expect(await entries('p-overgrew')).toEqual([
      ['reserved', null, 'cu-32', null],
      ['rejected', 'o-og1', 'cu-32', 'total_limit_reached'],
      ['released', 'o-og1', 'cu-32', 'unused_by_order'],
    ]);
    expect(await redis.get('usage:{p-overgrew}:total')).toBe('0');
  });

  it('gives back the reserved items an order did not use (#19.5)', async () => {
    expect((await reserve({ reservationId: 'res-s1', cartId: 'cart-o-s1', customerId: 'cu-33', uses: [{ promotionId: 'p-shrank', units: 3 }] })).body).toMatchObject({ status: 'reserved' });
    await publish('order.placed', 'o-s1', anOrder('o-s1').by('cu-33').withUse('p-shrank', null, 300, 1).withReservation('res-s1').build());
    await orderDone('o-s1');
    expect(await redis.get('usage:{p-shrank}:total')).toBe('1');
    expect((await sql.query(`SELECT units FROM order_uses WHERE order_id = 'o-s1'`)).rows).toEqual([{ units: 1 }]);
  });

  it('commits an order’s reservation without taking a second use', async () => {
    const reserved = await reserve({ reservationId: 'res-1', cartId: 'cart-o-r1', customerId: 'cu-7', uses: [{ promotionId: 'p-reserved', units: 1 }] });
    expect(reserved.body).toMatchObject({ status: 'reserved' });
    await publish('order.placed', 'o-r1', anOrder('o-r1').by('cu-7').withUse('p-reserved', null, 500).withReservation('res-1').build());
    await orderDone('o-r1');
    expect(await entries('p-reserved')).toEqual([
      ['reserved', null, 'cu-7', null],
      ['committed', 'o-r1', 'cu-7', null],
    ]);
    expect(await redis.get('usage:{p-reserved}:total')).toBe('1');
    expect(await redis.hget('usage:{p-reserved}:hold:r:res-1:0', 'state')).toBe('committed');
  });

  it('rejects the use of an order whose reservation expired and whose slot was taken meanwhile', async () => {
    await reserve({ reservationId: 'res-x1', cartId: 'cart-o-x1', customerId: 'cu-8', uses: [{ promotionId: 'p-expired', units: 1 }] });
    clock.advance(60_001);
    await waitFor(async () => (await sql.query(`SELECT status FROM reservations WHERE reservation_id = 'res-x1'`)).rows[0]?.status === 'expired', { description: 'res-x1 expired' });
    const taker = await reserve({ reservationId: 'res-x2', cartId: 'cart-other', customerId: 'cu-9', uses: [{ promotionId: 'p-expired', units: 1 }] });
    expect(taker.body).toMatchObject({ status: 'reserved' });
    await publish('order.placed', 'o-x1', anOrder('o-x1').by('cu-8').withUse('p-expired', null, 500).withReservation('res-x1').build());
    await orderDone('o-x1');
    expect(await entries('p-expired')).toEqual([
      ['reserved', null, 'cu-8', null],
      ['expired', null, 'cu-8', 'ttl_elapsed'],
      ['reserved', null, 'cu-9', null],
      ['rejected', 'o-x1', 'cu-8', 'total_limit_reached'],
    ]);
    expect(await redis.get('usage:{p-expired}:total')).toBe('1');
  });

  it('decides an order against counters rebuilt from Postgres after Redis lost them', async () => {
    await publish('order.placed', 'o-l1', anOrder('o-l1').by('cu-10').withUse('p-lost', null, 500).build());
    await orderDone('o-l1');
    const prefix = redis.options.keyPrefix ?? '';
    // Only the ledger's keys of this test (FLUSHALL would wipe everyone's on the shared Redis).
    await redis.eval(`for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end return 1`, 0, `${prefix}*`);
    await publish('order.placed', 'o-l2', anOrder('o-l2').by('cu-11').withUse('p-lost', null, 500).build());
    await orderDone('o-l2');
    expect(await entries('p-lost')).toEqual([
      ['committed', 'o-l1', 'cu-10', null],
      ['rejected', 'o-l2', 'cu-11', 'total_limit_reached'],
    ]);
    expect(await redis.get('usage:{p-lost}:total')).toBe('1');
    expect(await redis.exists('usage:sentinel')).toBe(1);
  });
});
