import { ManualClock } from '@promo/platform';
import { apiDocumentDrift, servedApiDocument } from '@promo/platform/testing';
import { campaignsTestEnv, createTestDatabase, dropTestDatabase, migrate, type RunningCampaigns, startCampaigns } from './support/campaigns-test-env';

// #24: the committed libs/contracts/openapi/campaigns.openapi.json is what the running service serves.
describe('the campaigns OpenAPI document', () => {
  let campaigns: RunningCampaigns;

  beforeAll(async () => {
    const env = campaignsTestEnv(await createTestDatabase());
    await migrate(env);
    campaigns = await startCampaigns(env, new ManualClock('2026-01-01T00:00:00Z'));
  }, 60_000);

  afterAll(async () => {
    await campaigns.app.close();
    await dropTestDatabase(campaigns.config.PG_URL);
  });

  it('served at /docs-json is the committed one', async () => {
    expect(apiDocumentDrift('campaigns', await servedApiDocument(campaigns.baseUrl))).toBeNull();
  });
});
