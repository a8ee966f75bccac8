import { waitFor } from '@promo/platform/testing';
import type { Client } from 'pg';
import { aCancellation, anOrder } from './builders/order-event.builder';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type ConsumedTopic, type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request, type RunningLedger, STOREFRONT_KEY } from './support/ledger-test-env';

interface Page {
  readonly items: readonly { readonly sequence: number; readonly kind: string; readonly orderId: string | null }[];
  readonly nextCursor: number | null;
}

describe('the ledger API, statistics and promotion-change events', () => {
  let harness: LedgerHarness;
  let ledger: RunningLedger;
  let sql: Client;
  let topicPrefix: string;

  const admin = async (path: string) => (await request(ledger.baseUrl, ADMIN_KEY, 'GET', path)).body;
  const publish = (topic: ConsumedTopic, key: string, data: unknown) => harness.publish(topic, key, data);

  beforeAll(async () => {
    harness = await startLedgerHarness();
    ({ ledger, sql, topicPrefix } = harness);
  }, 60_000);

  afterAll(() => harness.close(), 60_000);

  it('learns limits from pricing.promotion-changed and keeps the highest version', async () => {
    await publish('pricing.promotion-changed', 'p-versions', aPromotionChange('p-versions').withLimits({ totalUses: 1 }).atVersion(2).build());
    await publish('pricing.promotion-changed', 'p-versions', aPromotionChange('p-versions').withLimits({ totalUses: 5 }).atVersion(1, 'created').build());
    await waitFor(async () => (await sql.query(`SELECT count(*)::int AS n FROM processed_events WHERE topic = $1`, [`${topicPrefix}pricing.promotion-changed`])).rows[0]?.n === 2, {
      description: 'both promotion changes consumed',
    });
    const reserve = (n: number) => request(ledger.baseUrl, STOREFRONT_KEY, 'POST', '/v1/reservations', { reservationId: `rv-${n}`, cartId: 'c', customerId: `cu-${n}`, uses: [{ promotionId: 'p-versions', units: 1 }] });
    expect((await reserve(1)).body).toMatchObject({ status: 'reserved' });
    expect((await reserve(2)).body).toMatchObject({ status: 'refused', uses: [{ reason: 'total_limit_reached', limit: 1 }] });
    expect((await sql.query(`SELECT version, total_uses FROM promotion_limits WHERE promotion_id = 'p-versions'`)).rows).toEqual([{ version: 2, total_uses: 1 }]);
  });

  it('answers 400 naming the field of a promotion change that breaks its schema', async () => {
    const bad = await request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', { ...aPromotionChange('p-bad').withLimits({ totalUses: -1 }).build() });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ field: 'promotion.limits.totalUses', reason: 'invalid' }] });
    const missing = await request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', { promotionId: 'p-bad', change: 'created', changedAt: '2026-11-20T00:00:00Z', promotion: null });
    expect(missing.body).toMatchObject({ status: 400, errors: [{ field: 'version', reason: 'required' }] });
  });

  it('reports redemptions, discount, attributed revenue, order values, repeat purchases and uses per day', async () => {
    expect((await request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', aPromotionChange('p-stat').coupon().withCodes('SAVE').withLimits({ usesPerCustomer: 5 }).build())).status).toBe(200);
    await publish('order.placed', 'o-s1', anOrder('o-s1').by('cu-a').withUse('p-stat', 'SAVE', 1_000).totalling(10_000).build());
    await publish('order.placed', 'o-s2', anOrder('o-s2').by('cu-a').withUse('p-stat', 'SAVE', 2_000).totalling(20_000).at('2026-11-20T11:00:00Z').build());
    await publish('order.placed', 'o-s3', anOrder('o-s3').by('cu-b').withUse('p-stat', 'save', 600).totalling(6_000).build());
    await publish('order.placed', 'o-s4', anOrder('o-s4').by('cu-c').totalling(4_000).build());
    await publish('order.placed', 'o-s6', anOrder('o-s6').by('cu-d').withUse('p-stat', 'SAVE', 500).totalling(5_000).build());
    await waitFor(async () => (await sql.query(`SELECT count(*)::int AS n FROM orders`)).rows[0]?.n === 5, { description: 'five orders consumed' });
    await publish('order.cancelled', 'o-s6', aCancellation('o-s6', 'cu-d'));
    await waitFor(async () => (await sql.query(`SELECT status FROM orders WHERE order_id = 'o-s6'`)).rows[0]?.status === 'cancelled', { description: 'o-s6 cancelled' });

    // By hand: o-s1, o-s2 (cu-a) and o-s3 (cu-b) redeemed; o-s6 redeemed then cancelled; o-s4 without the code.
    const expected = {
      redemptions: 3,
      rejected: 0,
      reversed: 1,
      redeemers: 2,
      repeatPurchaseRate: 0.5, // cu-a redeemed at 10:00 and ordered again at 11:00, cu-b did not order again
      figures: [{ currency: 'USD', discountGiven: 3_600, attributedRevenue: 36_000, averageOrderValueWith: 12_000, averageOrderValueWithout: 4_000 }],
      usesPerDay: { items: [{ day: '2026-11-20', uses: 3 }], nextCursor: null },
    };
    expect(await admin('/v1/statistics/promotions/p-stat')).toEqual({ subject: { promotionId: 'p-stat' }, ...expected });
    expect(await admin('/v1/statistics/codes/SAVE')).toEqual({ subject: { code: 'SAVE' }, ...expected });
    expect(await admin('/v1/statistics/orders')).toEqual({ orders: 5, cancelled: 1, byCurrency: [{ currency: 'USD', ordersTotal: 45_000 }] });

    // The same uses counted in the store's zone: 10:00 and 11:00 UTC on 20 November are the 21st in Kiritimati (UTC+14).
    expect(await admin('/v1/statistics/promotions/p-stat?timeZone=Pacific/Kiritimati')).toMatchObject({ usesPerDay: { items: [{ day: '2026-11-21', uses: 3 }], nextCursor: null } });
    expect(await admin('/v1/statistics/codes/SAVE?timeZone=Pacific/Kiritimati&cursor=2026-11-21')).toMatchObject({ usesPerDay: { items: [], nextCursor: null } });
    const bad = await request(ledger.baseUrl, ADMIN_KEY, 'GET', '/v1/statistics/promotions/p-stat?timeZone=Mars/Olympus');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ field: 'timeZone' }] });
  });

  it('counts as repeat purchasers only the redeemers who ordered again after redeeming (#19.7)', async () => {
    expect((await request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', aPromotionChange('p-repeat').coupon().withCodes('BACK').withLimits({ usesPerCustomer: 5 }).build())).status).toBe(200);
    // cu-r1 ordered before redeeming, never after; cu-r2 ordered again after; cu-r3's later order was cancelled.
    await publish('order.placed', 'o-r1a', anOrder('o-r1a').by('cu-r1').totalling(3_000).at('2026-11-20T09:00:00Z').build());
    await publish('order.placed', 'o-r1b', anOrder('o-r1b').by('cu-r1').withUse('p-repeat', 'BACK', 300).totalling(3_000).at('2026-11-20T10:00:00Z').build());
    await publish('order.placed', 'o-r2a', anOrder('o-r2a').by('cu-r2').withUse('p-repeat', 'BACK', 300).totalling(3_000).at('2026-11-20T10:00:00Z').build());
    await publish('order.placed', 'o-r2b', anOrder('o-r2b').by('cu-r2').totalling(3_000).at('2026-11-20T12:00:00Z').build());
    await publish('order.placed', 'o-r3a', anOrder('o-r3a').by('cu-r3').withUse('p-repeat', 'BACK', 300).totalling(3_000).at('2026-11-20T10:00:00Z').build());
    await publish('order.placed', 'o-r3b', anOrder('o-r3b').by('cu-r3').totalling(3_000).at('2026-11-20T12:00:00Z').build());
    await waitFor(async () => (await sql.query(`SELECT count(*)::int AS n FROM orders WHERE order_id LIKE 'o-r%'`)).rows[0]?.n === 6, { description: 'six orders consumed' });
    await publish('order.cancelled', 'o-r3b', aCancellation('o-r3b', 'cu-r3'));
    await waitFor(async () => (await sql.query(`SELECT status FROM orders WHERE order_id = 'o-r3b'`)).rows[0]?.status === 'cancelled', { description: 'o-r3b cancelled' });

    // By hand: three redeemers, one (cu-r2) ordered again after redeeming.
    expect(await admin('/v1/statistics/promotions/p-repeat')).toMatchObject({ redemptions: 3, redeemers: 3, repeatPurchaseRate: 1 / 3 });
  });

  it('pages the ledger in its own processing order, filtered by promotion, code and order', async () => {
    const all = (await admin('/v1/ledger?promotionId=p-stat&limit=1000')) as Page;
    const pages: Page[] = [];
    let cursor: number | null = 0;
    while (cursor !== null) {
      const page = (await admin(`/v1/ledger?promotionId=p-stat&limit=2&cursor=${cursor}`)) as Page;
      pages.push(page);
      cursor = page.nextCursor;
    }
    expect(all.items.map((entry) => entry.kind).sort()).toEqual(['committed', 'committed', 'committed', 'committed', 'reversed']);
    expect(pages.flatMap((page) => page.items)).toEqual(all.items);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    const sequences = all.items.map((entry) => entry.sequence);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(((await admin('/v1/ledger?orderId=o-s6')) as Page).items.map((entry) => entry.kind)).toEqual(['committed', 'reversed']);
    expect(((await admin('/v1/ledger?code=save&orderId=o-s3')) as Page).items.map((entry) => [entry.kind, entry.orderId])).toEqual([['committed', 'o-s3']]);
    const bad = await request(ledger.baseUrl, ADMIN_KEY, 'GET', '/v1/ledger?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ field: 'limit', reason: 'out_of_range' }] });
  });
});
