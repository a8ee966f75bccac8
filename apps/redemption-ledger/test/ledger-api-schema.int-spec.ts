import { type DocumentedAnswer, documentedAnswers, documentedSchemaCheck, fetchApiDocument, type ServedApiDocument, waitFor } from '@promo/platform/testing';
import { aCancellation, anOrder } from './builders/order-event.builder';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request, STOREFRONT_KEY } from './support/ledger-test-env';

// #24: every route of redemption-ledger answers as its OpenAPI document says, checked with ajv against the
// schemas the running service serves at /docs-json.
describe('the ledger answers as its OpenAPI document says', () => {
  let harness: LedgerHarness;
  let document: ServedApiDocument;
  let documented: (method: string, path: string, response: Response) => Promise<DocumentedAnswer>;
  let promotionChanged: DocumentedAnswer;

  beforeAll(async () => {
    harness = await startLedgerHarness();
    document = await fetchApiDocument(harness.ledger.baseUrl);
    documented = documentedAnswers(document);
    promotionChanged = await call(ADMIN_KEY, 'POST', '/v1/promotion-changes', '/v1/promotion-changes', aPromotionChange('p-doc').coupon().withCodes('DOC').withLimits({ usesPerCustomer: 5 }).build());
    expect(promotionChanged.status).toBe(200);
    await harness.publish('order.placed', 'o-d1', anOrder('o-d1').by('cu-a').withUse('p-doc', 'DOC', 1_000).totalling(10_000).build());
    await harness.publish('order.placed', 'o-d2', anOrder('o-d2').by('cu-b').withUse('p-doc', 'DOC', 500).totalling(5_000).build());
    await harness.publish('order.placed', 'o-d3', anOrder('o-d3').by('cu-c').totalling(4_000).build());
    await waitFor(async () => (await harness.sql.query(`SELECT count(*)::int AS n FROM orders`)).rows[0]?.n === 3, { description: 'three orders consumed' });
    await harness.publish('order.cancelled', 'o-d2', aCancellation('o-d2', 'cu-b'));
    await waitFor(async () => (await harness.sql.query(`SELECT status FROM orders WHERE order_id = 'o-d2'`)).rows[0]?.status === 'cancelled', { description: 'o-d2 cancelled' });
  }, 90_000);

  afterAll(() => harness.close(), 60_000);

  const admin = (path: string) => request(harness.ledger.baseUrl, ADMIN_KEY, 'GET', path);
  async function call(key: string, method: string, path: string, documentedPath: string, body?: unknown): Promise<DocumentedAnswer> {
    const response = await fetch(`${harness.ledger.baseUrl}${path}`, {
      method,
      headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return documented(method, documentedPath, response);
  }

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

  it('a promotion change applied, and the same version again ignored', async () => {
    const again = await call(ADMIN_KEY, 'POST', '/v1/promotion-changes', '/v1/promotion-changes', aPromotionChange('p-doc').coupon().withCodes('DOC').withLimits({ usesPerCustomer: 5 }).build());
    const refused = await call(ADMIN_KEY, 'POST', '/v1/promotion-changes', '/v1/promotion-changes', { promotionId: 'p-doc' });
    expect([promotionChanged.status, again.status, refused.status]).toEqual([200, 200, 400]);
    expect([promotionChanged, again, refused].flatMap((answer) => answer.problems)).toEqual([]);
    expect([promotionChanged.body, again.body]).toMatchObject([{ promotionId: 'p-doc', isApplied: true }, { promotionId: 'p-doc', isApplied: false }]);
  });

  it('reservations held, reused with another body, refused as invalid, and released', async () => {
    const reserve = (body: unknown) => call(STOREFRONT_KEY, 'POST', '/v1/reservations', '/v1/reservations', body);
    const use = { promotionId: 'p-doc', code: 'DOC', units: 1 };
    const held = await reserve({ reservationId: 'r-doc-1', cartId: 'c-doc-1', customerId: 'cu-doc', uses: [use] });
    const reused = await reserve({ reservationId: 'r-doc-1', cartId: 'c-doc-other', customerId: 'cu-doc', uses: [use] });
    const invalid = await reserve({ reservationId: 'r-doc-2', cartId: 'c-doc-2', customerId: 'cu-doc', uses: [] });
    const released = await call(STOREFRONT_KEY, 'POST', '/v1/reservations/r-doc-1/release', '/v1/reservations/{reservationId}/release');
    const unknown = await call(STOREFRONT_KEY, 'POST', '/v1/reservations/r-doc-none/release', '/v1/reservations/{reservationId}/release');
    const answers = [held, reused, invalid, released, unknown];
    expect(answers.map((answer) => answer.status)).toEqual([200, 409, 400, 200, 404]);
    expect(answers.flatMap((answer) => answer.problems)).toEqual([]);
    expect(held.body).toMatchObject({ reservationId: 'r-doc-1', status: 'reserved', uses: [{ promotionId: 'p-doc', code: 'DOC', units: 1, status: 'reserved' }] });
    expect(released.body).toEqual({ reservationId: 'r-doc-1', status: 'released', released: 1 });
  });

  it('a reservation refused by the per-customer limit', async () => {
    await call(ADMIN_KEY, 'POST', '/v1/promotion-changes', '/v1/promotion-changes', aPromotionChange('p-doc-once').withLimits({ usesPerCustomer: 1 }).build());
    const first = await call(STOREFRONT_KEY, 'POST', '/v1/reservations', '/v1/reservations', { reservationId: 'r-once-1', cartId: 'c-once-1', customerId: 'cu-once', uses: [{ promotionId: 'p-doc-once', units: 1 }] });
    const second = await call(STOREFRONT_KEY, 'POST', '/v1/reservations', '/v1/reservations', { reservationId: 'r-once-2', cartId: 'c-once-2', customerId: 'cu-once', uses: [{ promotionId: 'p-doc-once', units: 1 }] });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first, second].flatMap((answer) => answer.problems)).toEqual([]);
    expect(second.body).toEqual({ reservationId: 'r-once-2', status: 'refused', expiresAt: null, uses: [{ promotionId: 'p-doc-once', code: null, units: 0, status: 'refused', reason: 'customer_limit_reached', limit: 1 }] });
  });

  it('order figures, ingestion figures, health and metrics', async () => {
    const answers = [
      await call(ADMIN_KEY, 'GET', '/v1/statistics/orders', '/v1/statistics/orders'),
      await call(ADMIN_KEY, 'GET', '/v1/ops/ingestion', '/v1/ops/ingestion'),
      await call(ADMIN_KEY, 'GET', '/health/live', '/health/live'),
      await call(ADMIN_KEY, 'GET', '/health/ready', '/health/ready'),
      await call(ADMIN_KEY, 'GET', '/metrics', '/metrics'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.flatMap((answer) => answer.problems)).toEqual([]);
    // By hand: three orders placed above (o-d1..o-d3), o-d2 cancelled; every placed order counts, 10,000 + 5,000 + 4,000.
    expect(answers[0]?.body).toEqual({ orders: 3, cancelled: 1, byCurrency: [{ currency: 'USD', ordersTotal: 19_000 }] });
  });
});
