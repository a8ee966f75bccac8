import { apiDocumentDrift, servedApiDocument } from '@promo/platform/testing';
import { createTestDatabase, dropTestDatabase, ledgerTestEnv, migrate, type RunningLedger, startLedger } from './support/ledger-test-env';

// #24: the committed libs/contracts/openapi/redemption-ledger.openapi.json is what the running service serves.
describe('the redemption-ledger OpenAPI document', () => {
  let ledger: RunningLedger;

  beforeAll(async () => {
    const env = ledgerTestEnv(await createTestDatabase());
    await migrate(env);
    ledger = await startLedger(env);
  }, 60_000);

  afterAll(async () => {
    await ledger.app.close();
    await dropTestDatabase(ledger.config.PG_URL);
  });

  it('served at /docs-json is the committed one', async () => {
    expect(apiDocumentDrift('redemption-ledger', await servedApiDocument(ledger.baseUrl))).toBeNull();
  });
});
