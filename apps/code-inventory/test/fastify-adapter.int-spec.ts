import { uniqueSuffix } from '@promo/platform/testing';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

/**
 * #21: the storefront's code lookup on Fastify (HTTP_ADAPTER=fastify) answers as on Express: a 200, a field
 * named in a 400, and the lookup rate limit's 429 with Retry-After (a header set by a guard before the
 * problem+json filter answers).
 */
describe('code lookup on Fastify (HTTP_ADAPTER=fastify, #21)', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp({ HTTP_ADAPTER: 'fastify', CODE_LOOKUP_LIMIT_PER_KEY: '3', CODE_LOOKUP_LIMIT_PER_CLIENT: '100', CODE_LOOKUP_LIMIT_WINDOW_MS: '60000' });
  }, 60_000);

  afterAll(async () => {
    await inventory.close();
  });

  it('looks a code up, names a bad query field, then refuses past the limit with 429 and Retry-After', async () => {
    expect(inventory.app.getHttpAdapter().getType()).toBe('fastify');
    const code = `FAST${uniqueSuffix().toUpperCase()}`;
    expect((await inventory.admin('POST', '/v1/codes', { code, promotionId: `promo-${uniqueSuffix()}` })).status).toBe(201);

    const found = await inventory.storefront('GET', `/v1/codes/${code}`);
    expect(found.status).toBe(200);
    expect(((await found.json()) as { code: string }).code).toBe(code);

    const invalid = await inventory.storefront('GET', `/v1/codes/${code}?customerId=${'c'.repeat(201)}`);
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await invalid.json()) as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual(['customerId']);

    expect((await inventory.storefront('GET', `/v1/codes/GUESS-${uniqueSuffix()}`)).status).toBe(404);
    const refused = await inventory.storefront('GET', `/v1/codes/GUESS-${uniqueSuffix()}`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});
