import { type DocumentedAnswer, documentedAnswers, documentedSchemaCheck, type DocumentedSchemaCheck, fetchApiDocument, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { aCart } from './builders/cart.builder';
import { aCoupon, anAutomatic } from './builders/promotion.builder';
import { INVENTORY_CODE_LOOKUP, type InventoryProcess, startInventoryProcess } from './support/code-inventory-process';
import { type PricingApp, startPricingApp } from './support/pricing-app';

// #24: what pricing answers is what its OpenAPI document says, checked with ajv against the schemas the running
// service serves at /docs-json: the price API for carts that reach every part of the answer, and every admin,
// ops and health route.
describe('pricing answers as its OpenAPI document says', () => {
  let inventory: InventoryProcess;
  let pricing: PricingApp;
  let priced: DocumentedSchemaCheck;
  let refused: DocumentedSchemaCheck;
  let documented: (method: string, path: string, response: Response) => Promise<DocumentedAnswer>;
  const channel = `web-${uniqueSuffix()}`;
  const coupon = `SAVE5-${uniqueSuffix().toUpperCase()}`;

  beforeAll(async () => {
    inventory = await startInventoryProcess();
    pricing = await startPricingApp({ CODE_INVENTORY_URL: inventory.service.baseUrl, CODE_INVENTORY_API_KEY: INVENTORY_CODE_LOOKUP, CODE_INVENTORY_TIMEOUT_MS: '2000' });
    const document = await fetchApiDocument(pricing.baseUrl);
    documented = documentedAnswers(document);
    priced = documentedSchemaCheck(document, '/v1/carts/price', 'post', 200);
    refused = documentedSchemaCheck(document, '/v1/carts/price', 'post', 400, 'application/problem+json');
    const promotions = [
      anAutomatic(`auto-10-${channel}`).withPercentOff(10).withChannel(channel).build(),
      anAutomatic(`auto-big-${channel}`).withChannel(channel).with({ priority: 2, rules: [{ conditions: { subtotalAtLeast: 1_000_000 }, reward: { type: 'orderPercent', percent: 50 } }] }).build(),
      aCoupon([coupon]).withAmountOff(500).withChannel(channel).build(),
    ];
    for (const promotion of promotions) expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    await waitFor(
      async () => {
        const response = await pricing.storefront('POST', '/v1/carts/price', aCart(channel).withLine(1000).withCodes(coupon).build());
        const body = (await response.json()) as { applied?: unknown };
        return Array.isArray(body.applied) && body.applied.length === 2;
      },
      { timeoutMs: 10_000, description: 'the three promotions indexed' },
    );
  }, 150_000);

  afterAll(async () => {
    await pricing.close();
    await inventory.stop();
  }, 40_000);

  const price = async (cart: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await pricing.storefront('POST', '/v1/carts/price', cart);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('an automatic promotion, and one whose condition is not met', async () => {
    const cart = aCart(channel).withLine(2500, 2).withLine(1000).build();
    const answer = await price(cart);
    expect(answer.status).toBe(200);
    expect(priced(answer.body)).toEqual([]);
    // By hand: 10% of 6000; the 50% one needs a subtotal of 1,000,000.
    expect(answer.body).toMatchObject({ subtotal: 6000, total: 5400, notApplied: { [`auto-big-${channel}`]: { reason: 'condition_not_met' } } });
  });

  it('a coupon applied and a code that is not one, with shipping', async () => {
    const cart = { ...aCart(channel).withLine(2000).forCustomer(`cu-${uniqueSuffix()}`).withCodes(coupon, 'NOT-A-CODE').build(), shipping: { country: 'US', zone: null, method: 'standard', amount: 700 } };
    const answer = await price(cart);
    expect(answer.status).toBe(200);
    expect(priced(answer.body)).toEqual([]);
    // By hand: 2000 − 200 (10%) − 500 (coupon) + 700 shipping.
    expect(answer.body).toMatchObject({ total: 2000, shipping: { amount: 700, discount: 0, total: 700 }, codes: { [coupon]: { status: 'applied' }, 'NOT-A-CODE': { status: 'rejected' } } });
  });

  it('a list of shipping methods and a cart no promotion targets', async () => {
    const cart = {
      ...aCart(`elsewhere-${uniqueSuffix()}`).withLine(300, 3).build(),
      shipping: [
        { methodId: 'm1', zone: 'domestic', method: 'standard', amount: 400 },
        { methodId: 'm2', zone: 'domestic', method: 'express', amount: 900 },
      ],
    };
    const answer = await price(cart);
    expect(answer.status).toBe(200);
    expect(priced(answer.body)).toEqual([]);
    expect(answer.body).toMatchObject({ subtotal: 900, total: 2200, shippingMethods: [{ methodId: 'm1', total: 400 }, { methodId: 'm2', total: 900 }] });
  });

  it('a refused cart: problem+json with every invalid field, as documented for 400', async () => {
    const answer = await price({ ...aCart(channel).withLine(-1).build(), currency: 'XXX' });
    expect(answer.status).toBe(400);
    expect(refused(answer.body)).toEqual([]);
  });

  it('the documented schema is not vacuous: an answer without its total does not conform', async () => {
    const { body } = await price(aCart(channel).withLine(100).build());
    const { total: _total, ...withoutTotal } = body;
    expect(priced(withoutTotal).map((error) => error.params)).toEqual([{ missingProperty: 'total' }]);
  });

  describe('the admin routes', () => {
    const admin = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => pricing.admin(method, path, body, headers);
    const call = async (method: string, path: string, documentedPath: string, body?: unknown, headers?: Record<string, string>): Promise<DocumentedAnswer> =>
      documented(method, documentedPath, await admin(method, path, body, headers));

    it('a promotion created, read, listed, replaced, switched off and on, reordered and deleted', async () => {
      const id = `doc-${uniqueSuffix()}`;
      const promotion = anAutomatic(id).withPercentOff(5).withChannel(channel).with({ priority: 40 }).build();
      const created = await call('POST', '/v1/promotions', '/v1/promotions', { ...promotion, limits: { totalUses: 10 } });
      const read = await call('GET', `/v1/promotions/${id}`, '/v1/promotions/{id}');
      const page = await call('GET', `/v1/promotions?kind=automatic&channel=${channel}&limit=2`, '/v1/promotions');
      const replaced = await call('PUT', `/v1/promotions/${id}`, '/v1/promotions/{id}', { ...promotion, name: 'five off', limits: { totalUses: 10 } }, { 'If-Match': '"1"' });
      const disabled = await call('POST', `/v1/promotions/${id}/disable`, '/v1/promotions/{id}/disable', undefined, { 'If-Match': '"2"' });
      const enabled = await call('POST', `/v1/promotions/${id}/enable`, '/v1/promotions/{id}/enable');
      const reordered = await call('PUT', '/v1/promotion-priorities', '/v1/promotion-priorities', { priorities: [{ id, priority: 41, version: 4 }] });
      const deleted = await call('DELETE', `/v1/promotions/${id}`, '/v1/promotions/{id}', undefined, { 'If-Match': '"5"' });
      const answers = [created, read, page, replaced, disabled, enabled, reordered, deleted];
      expect(answers.map((answer) => answer.status)).toEqual([201, 200, 200, 200, 200, 200, 200, 204]);
      expect(answers.flatMap((answer) => answer.problems)).toEqual([]);
      // By hand: every change above is one version more; the page holds at most two.
      expect(reordered.body).toMatchObject({ items: [{ id, priority: 41, version: 5, enabled: true, name: 'five off', limits: { totalUses: 10, consumeUnit: 'cart' } }] });
      expect((page.body as { items: unknown[] }).items.length).toBeLessThanOrEqual(2);
    });

    it('refusals as their documented problems: 400, 404 and 409', async () => {
      const taken = `auto-10-${channel}`;
      const answers = [
        await call('POST', '/v1/promotions', '/v1/promotions', { id: 'bad:id', kind: 'automatic', rules: [] }),
        await call('POST', '/v1/promotions', '/v1/promotions', anAutomatic(taken).withPercentOff(10).build()),
        await call('GET', '/v1/promotions?limit=500', '/v1/promotions'),
        await call('GET', '/v1/promotions/no-such-promotion', '/v1/promotions/{id}'),
        await call('PUT', `/v1/promotions/${taken}`, '/v1/promotions/{id}', anAutomatic(taken).withPercentOff(10).withChannel(channel).build(), { 'If-Match': '"99"' }),
        await call('POST', '/v1/promotions/no-such-promotion/enable', '/v1/promotions/{id}/enable'),
        await call('PUT', '/v1/promotion-priorities', '/v1/promotion-priorities', { priorities: [{ id: 'no-such-promotion', priority: 1 }] }),
        await call('DELETE', `/v1/promotions/${taken}`, '/v1/promotions/{id}', undefined, { 'If-Match': 'soon' }),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([400, 409, 400, 404, 409, 404, 404, 400]);
      expect(answers.flatMap((answer) => answer.problems)).toEqual([]);
    });

    it('the settings read and written back at their ETag, and a stale write', async () => {
      const response = await admin('GET', '/v1/settings');
      const etag = response.headers.get('etag') ?? '';
      const read = await documented('GET', '/v1/settings', response);
      const { version, ...settings } = read.body as { version: number };
      const written = await call('PUT', '/v1/settings', '/v1/settings', settings, { 'If-Match': etag });
      const stale = await call('PUT', '/v1/settings', '/v1/settings', settings, { 'If-Match': etag });
      expect([read.status, written.status, stale.status]).toEqual([200, 200, 409]);
      expect([read, written, stale].flatMap((answer) => answer.problems)).toEqual([]);
      expect(etag).toBe(`"${version}"`);
      expect(written.body).toEqual({ ...settings, version: version + 1 });
    });

    it('the impact of a draft over the most recent priced carts', async () => {
      expect((await price(aCart(channel).withLine(1000).build())).status).toBe(200);
      const draft = anAutomatic(`draft-${uniqueSuffix()}`).withPercentOff(50).withChannel(channel).build();
      const impact = await call('POST', '/v1/promotions/impact', '/v1/promotions/impact', { promotions: [draft], carts: 50 });
      const refused = await call('POST', '/v1/promotions/impact', '/v1/promotions/impact', { promotions: [{ ...draft, rules: [] }] });
      expect([impact.status, refused.status]).toEqual([200, 400]);
      expect([impact, refused].flatMap((answer) => answer.problems)).toEqual([]);
      expect(impact.body).toMatchObject({ cartsChanged: expect.any(Number) });
      expect((impact.body as { cartsChanged: number }).cartsChanged).toBeGreaterThan(0);
    });

    it('ingestion figures, health and metrics', async () => {
      const answers = [
        await call('GET', '/v1/ops/ingestion', '/v1/ops/ingestion'),
        await call('GET', '/health/live', '/health/live'),
        await call('GET', '/health/ready', '/health/ready'),
        await call('GET', '/metrics', '/metrics'),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
      expect(answers.flatMap((answer) => answer.problems)).toEqual([]);
      expect(answers[3]?.body).toContain('# TYPE');
    });
  });
});
