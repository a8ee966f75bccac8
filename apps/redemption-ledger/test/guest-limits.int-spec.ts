import type { Client } from 'pg';
import { waitFor } from '@promo/platform/testing';
import { anOrder } from './builders/order-event.builder';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request, type RunningLedger, STOREFRONT_KEY } from './support/ledger-test-env';

/** `printf 'ann@example.com' | sha256sum`: the key a guest checking out as ann@example.com counts under. */
const ANN_KEY = 'guest:71d4f55f72fa128dfb468a1a3901507c804b74316488744d769d7f4b16696476';

/** #23 (PRODUCT item 10): per-customer limits hold for guests, keyed by a hash of their normalised e-mail. */
describe('per-customer limits for guests', () => {
  let harness: LedgerHarness;
  let ledger: RunningLedger;
  let sql: Client;

  const reserve = (body: unknown) => request(ledger.baseUrl, STOREFRONT_KEY, 'POST', '/v1/reservations', body);

  beforeAll(async () => {
    harness = await startLedgerHarness();
    ({ ledger, sql } = harness);
    for (const change of [aPromotionChange('g-once').coupon().withCodes('ONCE').build(), aPromotionChange('g-order').coupon().withCodes('FIRST').build()]) {
      expect((await request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', change)).status).toBe(200);
    }
  }, 60_000);

  afterAll(() => harness.close(), 60_000);

  it('refuses a once-per-customer coupon to a guest who reserved it with the same e-mail, written differently', async () => {
    const use = [{ promotionId: 'g-once', code: 'ONCE', units: 1 }];
    expect((await reserve({ reservationId: 'g-1', cartId: 'c1', email: 'ann@example.com', uses: use })).body).toMatchObject({ status: 'reserved' });
    expect((await reserve({ reservationId: 'g-2', cartId: 'c2', customerId: null, email: '  Ann@Example.COM ', uses: use })).body).toMatchObject({
      status: 'refused',
      uses: [{ status: 'refused', reason: 'customer_limit_reached', limit: 1 }],
    });
    expect((await reserve({ reservationId: 'g-3', cartId: 'c3', email: 'bea@example.com', uses: use })).body).toMatchObject({ status: 'reserved' });
    // The ledger keeps the hash, never the address.
    expect((await sql.query(`SELECT customer_id FROM usage_holds WHERE hold_id = 'r:g-1:0'`)).rows).toEqual([{ customer_id: ANN_KEY }]);
  });

  it('refuses a reservation that names neither a customer nor an e-mail', async () => {
    const answer = await reserve({ reservationId: 'g-4', cartId: 'c4', uses: [{ promotionId: 'g-once', code: 'ONCE', units: 1 }] });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ field: 'customerId', reason: 'required' }] });
  });

  it('rejects a second guest order with the same e-mail at order.placed, and publishes no guest key as a customer id', async () => {
    await harness.publish('order.placed', 'g-o1', anOrder('g-o1').asGuest('bob@example.com').withUse('g-order', 'FIRST', 500).build());
    await harness.publish('order.placed', 'g-o2', anOrder('g-o2').asGuest(' BOB@example.com').withUse('g-order', 'FIRST', 500).build());
    const decisions = async () => (await sql.query(`SELECT order_id, decision, reason FROM order_uses WHERE promotion_id = 'g-order' ORDER BY order_id`)).rows;
    await waitFor(async () => (await decisions()).length === 2, { description: 'both guest orders decided' });
    expect(await decisions()).toEqual([
      { order_id: 'g-o1', decision: 'accepted', reason: null },
      { order_id: 'g-o2', decision: 'rejected', reason: 'customer_limit_reached' },
    ]);
    const published = (await sql.query(`SELECT value FROM outbox_messages WHERE key = 'g-order' ORDER BY id`)).rows.map((row: { value: unknown }) => row.value);
    expect(published.length).toBe(2);
    expect(JSON.stringify(published)).not.toContain('guest:');
  });
});
