import { ApiProblemError, type BodyOf, createPricingClient, type PricingClient, type PricingPaths } from '@promo/client';
import { createTestDatabase, dropTestDatabase, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { ADMIN_KEY, type PricingApp, STOREFRONT_KEY, startPricingApp } from './support/pricing-app';

// #24: the typed client (libs/client) against the running pricing service: the calls its generated types allow
// reach the routes the document describes, and the service's problem+json answers come back as ApiProblemError.
describe('@promo/client against a running pricing', () => {
  let pricing: PricingApp;
  let database: string;
  let admin: PricingClient;
  let storefront: PricingClient;

  beforeAll(async () => {
    // A store of its own: it checks a cart's exact figures, which another suite's automatic promotion would change.
    database = await createTestDatabase('pricing_typed_client');
    pricing = await startPricingApp({ PG_URL: database });
    admin = createPricingClient({ baseUrl: pricing.baseUrl, apiKey: ADMIN_KEY, timeoutMs: 10_000 });
    storefront = createPricingClient({ baseUrl: pricing.baseUrl, apiKey: STOREFRONT_KEY, timeoutMs: 10_000 });
  }, 60_000);

  afterAll(async () => {
    await pricing?.close();
    await dropTestDatabase(database, 'pricing_typed_client');
  });

  it('creates a promotion, then prices a cart with it: 10% of 120.00 USD is 12.00 off', async () => {
    const id = `typed-${uniqueSuffix()}`;
    const channel = `web-${uniqueSuffix()}`;
    await admin.post('/v1/promotions', {
      body: { id, kind: 'automatic', priority: 1, rules: [{ conditions: {}, reward: { type: 'orderPercent', percent: 10 } }], targeting: { channels: [channel], currency: 'USD' } },
    });
    const cart = { cartId: `cart-${uniqueSuffix()}`, channel, currency: 'USD', lines: [{ lineId: 'l1', sku: 'sku-1', productId: 'p-1', quantity: 2, unitPrice: 6_000 }] } as const;
    // The index learns of the promotion through its change event.
    const priced = await waitFor(
      async () => {
        const answer = await storefront.post('/v1/carts/price', { body: cart });
        return answer.applied.includes(id) ? answer : null;
      },
      { timeoutMs: 15_000, description: 'the index holds the promotion' },
    );
    expect([priced.subtotal, priced.discounts[id], priced.total, priced.applied]).toEqual([12_000, 1_200, 10_800, [id]]);
  });

  it('answers an invalid promotion with ApiProblemError naming each field and reason', async () => {
    const invalidPromotion: unknown = { id: `bad-${uniqueSuffix()}`, kind: 'automatic', rules: [{ conditions: {}, reward: { type: 'orderPercent' } }], limits: { totalUses: -2 } };
    const error = await admin
      // Deliberately not what the document allows: the service, not the type checker, must refuse it.
      .post('/v1/promotions', { body: invalidPromotion as BodyOf<PricingPaths, 'post', '/v1/promotions'> })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiProblemError);
    const problem = error as ApiProblemError;
    expect(problem.status).toBe(400);
    expect(problem.errors.map((entry) => [entry.field, entry.reason]).sort()).toEqual([
      ['limits.totalUses', 'out_of_range'],
      ['rules[0].reward.percent', 'required'],
    ]);
  });

  it('answers an unknown promotion with a 404 problem and a key without the admin scope with a 403 problem', async () => {
    await expect(admin.get('/v1/promotions/{id}', { path: { id: `missing-${uniqueSuffix()}` } })).rejects.toMatchObject({ status: 404 });
    await expect(storefront.get('/v1/promotions/{id}', { path: { id: 'any' } })).rejects.toMatchObject({ status: 403 });
  });
});
