import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { aCart } from './builders/cart.builder';
import { anAutomatic } from './builders/promotion.builder';
import { type PricingApp, startPricingApp, STOREFRONT_KEY } from './support/pricing-app';

interface Problem {
  readonly type: string;
  readonly status: number;
  readonly instance: string;
  readonly errors?: readonly { field: string; reason: string }[];
}

/**
 * #21: the HTTP layer behaves the same on Fastify (HTTP_ADAPTER=fastify) as on Express, the default: the same
 * expectations run against both, so the switch cannot rot and the adapter comparison (docs/http-adapter.md)
 * stays like with like.
 */
describe.each(['fastify', 'express'] as const)('pricing on %s (HTTP_ADAPTER, #21)', (adapter) => {
  let pricing: PricingApp;

  beforeAll(async () => {
    pricing = await startPricingApp({ HTTP_ADAPTER: adapter });
  }, 60_000);

  afterAll(async () => {
    await pricing.close();
  }, 30_000);

  const post = (path: string, body: string, headers: Record<string, string>): Promise<Response> =>
    fetch(`${pricing.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it(`runs on ${adapter}`, () => {
    expect(pricing.app.getHttpAdapter().getType()).toBe(adapter);
  });

  it('prices a cart: 200 with the promotion applied', async () => {
    const channel = `web-${uniqueSuffix()}`;
    expect((await pricing.admin('POST', '/v1/promotions', anAutomatic().withChannel(channel).withPercentOff(10).build())).status).toBe(201);
    const cart = aCart(channel).withLine(1000, 2).build();
    const total = await waitFor(async () => {
      const response = await pricing.storefront('POST', '/v1/carts/price', cart);
      expect(response.status).toBe(200);
      const priced = (await response.json()) as { total: number };
      return priced.total === 1800 ? priced.total : undefined;
    }, { timeoutMs: 15_000, description: 'the promotion is in the index' });
    // 2 × $10.00 − 10 %.
    expect(total).toBe(1800);
  });

  it('answers an invalid field with 400 problem+json naming the field', async () => {
    const response = await pricing.storefront('POST', '/v1/carts/price', aCart('web').withLine(1000).withCodes('OK', 'C'.repeat(65)).build());
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as Problem;
    expect(problem).toMatchObject({ status: 400, instance: '/v1/carts/price' });
    expect(problem.errors?.map((error) => [error.field, error.reason])).toEqual([['codes[1]', 'too_long']]);
  });

  it('answers malformed JSON with 400 problem+json naming the request, and a body over 100 kB with 413', async () => {
    const malformed = await post('/v1/carts/price', '{"cartId": ', { 'x-api-key': STOREFRONT_KEY });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await malformed.json()) as Problem).errors?.map((error) => [error.field, error.reason])).toEqual([['(request)', 'bad_request']]);

    const tooLarge = await post('/v1/carts/price', JSON.stringify({ cartId: 'x'.repeat(101 * 1024) }), { 'x-api-key': STOREFRONT_KEY });
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as Problem).type).toBe('/problems/payload-too-large');
  });

  it('refuses without a key (401), with a key of another scope (403), and an unknown path is a problem+json 404', async () => {
    const cart = JSON.stringify(aCart('web').withLine(1000).build());
    const anonymous = await post('/v1/carts/price', cart, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const wrongScope = await fetch(`${pricing.baseUrl}/v1/promotions`, { headers: { 'x-api-key': STOREFRONT_KEY } });
    expect(wrongScope.status).toBe(403);
    expect(((await wrongScope.json()) as Problem).type).toBe('/problems/forbidden');
    const unknown = await fetch(`${pricing.baseUrl}/v1/nothing-here`, { headers: { 'x-api-key': STOREFRONT_KEY } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('sends the ETag of an admin view and honours If-Match (409 when stale)', async () => {
    const promotion = anAutomatic().withChannel(`web-${uniqueSuffix()}`).withPercentOff(10).build();
    const id = String(promotion['id']);
    expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    const read = await pricing.admin('GET', `/v1/promotions/${id}`);
    expect(read.headers.get('etag')).toBe('"1"');
    const updated = await pricing.admin('PUT', `/v1/promotions/${id}`, { ...promotion, rules: [{ reward: { type: 'orderPercent', percent: 20 } }] }, { 'if-match': '"1"' });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    const stale = await pricing.admin('PUT', `/v1/promotions/${id}`, { ...promotion, rules: [{ reward: { type: 'orderPercent', percent: 30 } }] }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
  });

  it('serves health, the OpenAPI document and route-labelled latency metrics without a key', async () => {
    expect((await fetch(`${pricing.baseUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${pricing.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { status: string }).status).toBe('ok');

    const docs = await fetch(`${pricing.baseUrl}/docs-json`);
    expect(docs.status).toBe(200);
    expect(Object.keys(((await docs.json()) as { paths: Record<string, unknown> }).paths)).toContain('/v1/carts/price');

    await pricing.storefront('POST', '/v1/carts/price', aCart('web').withLine(1000).build());
    const metrics = await (await fetch(`${pricing.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/v1\/carts\/price",status="200"\} [1-9]/);
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/v1\/carts\/price",status="401"\} [1-9]/);
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} [1-9]/);
  });
});
