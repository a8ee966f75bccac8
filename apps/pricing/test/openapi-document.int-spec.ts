import { apiDocumentDrift, servedApiDocument } from '@promo/platform/testing';
import { type PricingApp, startPricingApp } from './support/pricing-app';

// #24: the committed libs/contracts/openapi/pricing.openapi.json is what the running service serves.
describe('the pricing OpenAPI document', () => {
  let pricing: PricingApp;

  beforeAll(async () => {
    pricing = await startPricingApp();
  }, 60_000);

  afterAll(() => pricing.close());

  it('served at /docs-json is the committed one', async () => {
    expect(apiDocumentDrift('pricing', await servedApiDocument(pricing.baseUrl))).toBeNull();
  });
});
