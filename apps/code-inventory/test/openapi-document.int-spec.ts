import { apiDocumentDrift, servedApiDocument } from '@promo/platform/testing';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

// #24: the committed libs/contracts/openapi/code-inventory.openapi.json is what the running service serves.
describe('the code-inventory OpenAPI document', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp();
  }, 60_000);

  afterAll(() => inventory.close());

  it('served at /docs-json is the committed one', async () => {
    expect(apiDocumentDrift('code-inventory', await servedApiDocument(inventory.baseUrl))).toBeNull();
  });
});
