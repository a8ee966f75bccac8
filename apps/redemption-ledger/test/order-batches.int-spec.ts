import { ManualClock } from '@promo/platform';
import { waitFor } from '@promo/platform/testing';
import { aCancellation, anOrder } from './builders/order-event.builder';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request, STOREFRONT_KEY } from './support/ledger-test-env';

interface Entry {
  readonly kind: string;
  readonly orderId: string | null;
  readonly reason: string | null;
}

/**
 * #21: `order.placed` records read together are applied in one transaction, set-based for the common order,
 * with the effects of one order at a time: the same decisions in the same ledger order, each order once.
 */
describe('a batch of order.placed', () => {
  const clock = new ManualClock('2026-11-20T10:00:00Z');
  let harness: LedgerHarness;

  const entries = async (promotionId: string): Promise<[string, string | null, string | null][]> => {
    const page = await request(harness.ledger.baseUrl, ADMIN_KEY, 'GET', `/v1/ledger?promotionId=${promotionId}`);
    return (page.body as { items: Entry[] }).items.map((e) => [e.kind, e.orderId, e.reason]);
  };
  const status = async (orderId: string): Promise<string | undefined> => (await harness.sql.query('SELECT status FROM orders WHERE order_id = $1', [orderId])).rows[0]?.status;

  beforeAll(async () => {
    harness = await startLedgerHarness({ clock, env: { RESERVATION_TTL_MS: '60000' } });
    for (const change of [
      aPromotionChange('p-batch').coupon().withCodes('BATCH').withLimits({ totalUses: 2 }).build(),
      aPromotionChange('p-batch-reserved').withLimits({ totalUses: 1 }).build(),
      aPromotionChange('p-batch-other').coupon().withCodes('OTHER').build(),
    ]) {
      expect((await request(harness.ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', change)).status).toBe(200);
    }
  }, 60_000);

  afterAll(() => harness.close(), 60_000);

  it('decides every use in the order of the records, once per order, beside orders that need the single-order path', async () => {
    const reserved = await request(harness.ledger.baseUrl, STOREFRONT_KEY, 'POST', '/v1/reservations', { reservationId: 'res-b', cartId: 'cart-o-b4', customerId: 'cu-b4', uses: [{ promotionId: 'p-batch-reserved', units: 1 }] });
    expect(reserved.body).toMatchObject({ status: 'reserved' });
    await harness.publish('order.cancelled', 'o-b6', aCancellation('o-b6', 'cu-b6'));
    await waitFor(async () => (await status('o-b6')) === 'cancelled_before_placed', { description: 'the early cancellation' });

    const events = [
      { id: 'evt-b1', data: anOrder('o-b1').by('cu-b1').withUse('p-batch', 'BATCH', 500).build() },
      { id: 'evt-b2', data: anOrder('o-b2').by('cu-b2').withUse('p-batch', 'batch', 500).build() },
      { id: 'evt-b3', data: anOrder('o-b3').by('cu-b3').withUse('p-batch', 'BATCH', 500).build() },
      // The same order again under another event id (republished): no second effect.
      { id: 'evt-b1-again', data: anOrder('o-b1').by('cu-b1').withUse('p-batch', 'BATCH', 500).build() },
      { id: 'evt-b4', data: anOrder('o-b4').by('cu-b4').withUse('p-batch-reserved', null, 300).withReservation('res-b').build() },
      { id: 'evt-b5', data: anOrder('o-b5').by('cu-b5').withUse('p-batch-other', 'OTHER', 200).withUse('p-batch-unknown', null, 100).build() },
      { id: 'evt-b6', data: anOrder('o-b6').by('cu-b6').withUse('p-batch-other', 'OTHER', 200).build() },
    ];
    await harness.publishMany('order.placed', 'batch-key', events);
    await waitFor(async () => (await harness.sql.query(`SELECT count(*)::int AS n FROM processed_events WHERE event_id LIKE 'evt-b%'`)).rows[0]?.n === events.length, {
      description: 'the batch consumed',
    });

    // One transaction: every processed-event row of the batch was written by it.
    const transactions = await harness.sql.query(`SELECT DISTINCT xmin::text FROM processed_events WHERE event_id LIKE 'evt-b%'`);
    expect(transactions.rows).toHaveLength(1);
    expect(await entries('p-batch')).toEqual([
      ['committed', 'o-b1', null],
      ['committed', 'o-b2', null],
      ['rejected', 'o-b3', 'total_limit_reached'],
    ]);
    expect(await entries('p-batch-reserved')).toEqual([
      ['reserved', null, null],
      ['committed', 'o-b4', null],
    ]);
    expect(await entries('p-batch-unknown')).toEqual([['rejected', 'o-b5', 'unknown_promotion']]);
    // o-b6 was cancelled before it was placed: its use is taken, then given back.
    expect(await entries('p-batch-other')).toEqual([
      ['committed', 'o-b5', null],
      ['committed', 'o-b6', null],
      ['reversed', 'o-b6', 'order_cancelled'],
    ]);
    expect(await Promise.all(['o-b1', 'o-b2', 'o-b3', 'o-b4', 'o-b5', 'o-b6'].map(status))).toEqual(['placed', 'placed', 'placed', 'placed', 'placed', 'cancelled']);
    const uses = await harness.sql.query(`SELECT order_id, use_index, decision, hold_id FROM order_uses WHERE order_id LIKE 'o-b%' ORDER BY order_id, use_index`);
    expect(uses.rows.map((row: { order_id: string; use_index: number; decision: string }) => [row.order_id, row.use_index, row.decision])).toEqual([
      ['o-b1', 0, 'accepted'],
      ['o-b2', 0, 'accepted'],
      ['o-b3', 0, 'rejected'],
      ['o-b4', 0, 'accepted'],
      ['o-b5', 0, 'accepted'],
      ['o-b5', 1, 'rejected'],
      ['o-b6', 0, 'accepted'],
    ]);
    expect(await harness.redis.get('usage:{p-batch}:total')).toBe('2');
    expect(await harness.redis.get('usage:{p-batch-other}:total')).toBe('1');
    const holds = await harness.sql.query(`SELECT hold_id, state FROM usage_holds WHERE order_id IN ('o-b1', 'o-b2', 'o-b5') ORDER BY hold_id`);
    expect(holds.rows).toEqual([
      { hold_id: 'o:o-b1:0', state: 'committed' },
      { hold_id: 'o:o-b2:0', state: 'committed' },
      { hold_id: 'o:o-b5:0', state: 'committed' },
    ]);
    const outbox = await harness.sql.query(`SELECT topic, key FROM outbox_messages WHERE key IN ('p-batch', 'p-batch-unknown') ORDER BY id`);
    expect(outbox.rows.map((row: { topic: string; key: string }) => [row.topic, row.key])).toEqual([
      ['redemption.recorded', 'p-batch'],
      ['redemption.recorded', 'p-batch'],
      ['redemption.rejected', 'p-batch'],
      ['redemption.rejected', 'p-batch-unknown'],
    ]);
  });
});
