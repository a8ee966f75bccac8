import { documentedSchemaCheck, fetchApiDocument, type ServedApiDocument, waitFor } from '@promo/platform/testing';
import { aCancellation, anOrder } from './builders/order-event.builder';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request } from './support/ledger-test-env';

// #24: the statistics and the ledger listing answer as redemption-ledger's OpenAPI document says, checked with
// ajv against the schemas the running service serves at /docs-json.
describe('the ledger statistics and listing answer as the OpenAPI document says', () => {
  let harness: LedgerHarness;
  let document: ServedApiDocument;

  beforeAll(async () => {
    harness = await startLedgerHarness();
    document = await fetchApiDocument(harness.ledger.baseUrl);
    expect((await request(harness.ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', aPromotionChange('p-doc').coupon().withCodes('DOC').withLimits({ usesPerCustomer: 5 }).build())).status).toBe(200);
    await harness.publish('order.placed', 'o-d1', anOrder('o-d1').by('cu-a').withUse('p-doc', 'DOC', 1_000).totalling(10_000).build());
    await harness.publish('order.placed', 'o-d2', anOrder('o-d2').by('cu-b').withUse('p-doc', 'DOC', 500).totalling(5_000).build());
    await harness.publish('order.placed', 'o-d3', anOrder('o-d3').by('cu-c').totalling(4_000).build());
    await waitFor(async () => (await harness.sql.query(`SELECT count(*)::int AS n FROM orders`)).rows[0]?.n === 3, { description: 'three orders consumed' });
    await harness.publish('order.cancelled', 'o-d2', aCancellation('o-d2', 'cu-b'));
    await waitFor(async () => (await harness.sql.query(`SELECT status FROM orders WHERE order_id = 'o-d2'`)).rows[0]?.status === 'cancelled', { description: 'o-d2 cancelled' });
  }, 90_000);

  afterAll(() => harness.close(), 60_000);

  const admin = (path: string) => request(harness.ledger.baseUrl, ADMIN_KEY, 'GET', path);

  it("a promotion's and a code's statistics, a page of them and an unknown one", async () => {
    const ofPromotion = await admin('/v1/statistics/promotions/p-doc');
    const ofCode = await admin('/v1/statistics/codes/DOC?limit=1');
    const unknown = await admin('/v1/statistics/promotions/p-none');
    expect([ofPromotion.status, ofCode.status, unknown.status]).toEqual([200, 200, 200]);
    const promotionStatistics = documentedSchemaCheck(document, '/v1/statistics/promotions/{promotionId}', 'get', 200);
    expect(promotionStatistics(ofPromotion.body)).toEqual([]);
    expect(promotionStatistics(unknown.body)).toEqual([]);
    expect(documentedSchemaCheck(document, '/v1/statistics/codes/{code}', 'get', 200)(ofCode.body)).toEqual([]);
    // By hand: o-d1 and o-d2 redeemed DOC, o-d2 was cancelled.
    expect(ofPromotion.body).toMatchObject({ subject: { promotionId: 'p-doc' }, redemptions: 1, reversed: 1 });
  });

  it('pages of the ledger, filtered, and a refused cursor as the documented 400', async () => {
    const first = await admin('/v1/ledger?limit=2');
    const ofOrder = await admin('/v1/ledger?orderId=o-d2');
    const refused = await admin('/v1/ledger?cursor=-1');
    expect([first.status, ofOrder.status, refused.status]).toEqual([200, 200, 400]);
    const page = documentedSchemaCheck(document, '/v1/ledger', 'get', 200);
    expect(page(first.body)).toEqual([]);
    expect(page(ofOrder.body)).toEqual([]);
    expect(ofOrder.body).toMatchObject({ items: [{ kind: 'committed', orderId: 'o-d2' }, { kind: 'reversed', orderId: 'o-d2' }], nextCursor: null });
    expect(documentedSchemaCheck(document, '/v1/ledger', 'get', 400, 'application/problem+json')(refused.body)).toEqual([]);
  });
});
