import { ManualClock } from '@promo/platform';
import { documentedSchemaCheck, fetchApiDocument, type ServedApiDocument } from '@promo/platform/testing';
import { adminRequest, campaignsTestEnv, createTestDatabase, dropTestDatabase, migrate, type RunningCampaigns, startCampaigns } from './support/campaigns-test-env';

// #24: the campaigns admin API answers as its OpenAPI document says, checked with ajv against the schemas the
// running service serves at /docs-json.
describe('the campaigns API answers as its OpenAPI document says', () => {
  let running: RunningCampaigns;
  let document: ServedApiDocument;

  beforeAll(async () => {
    const env = campaignsTestEnv(await createTestDatabase());
    await migrate(env);
    running = await startCampaigns(env, new ManualClock('2026-03-01T00:00:00Z'));
    document = await fetchApiDocument(running.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await running.app.close();
    await dropTestDatabase(running.config.PG_URL);
  }, 60_000);

  const abandonedCart = {
    campaignId: 'cart-recovery',
    name: 'Cart recovery',
    kind: 'abandoned_cart',
    minimumCartValue: 5000,
    codeGroup: 'WINBACK',
    steps: [{ delayMinutes: 60, template: { subject: 'Your cart', text: "Use {{promocode 'WINBACK'}}" } }],
  };
  const retention = { campaignId: 'win-back', name: 'Win back', kind: 'retention', minimumDaysInactive: 90, template: { subject: 'We miss you', text: 'Come back' } };

  it('creates, replaces, reads and lists campaigns of both kinds as documented', async () => {
    const created = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', abandonedCart);
    const createdRetention = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', retention);
    const replaced = await adminRequest(running.baseUrl, 'PUT', '/v1/campaigns/win-back', { ...retention, enabled: false });
    const read = await adminRequest(running.baseUrl, 'GET', '/v1/campaigns/cart-recovery');
    const listed = await adminRequest(running.baseUrl, 'GET', '/v1/campaigns');
    expect([created.status, createdRetention.status, replaced.status, read.status, listed.status]).toEqual([201, 201, 200, 200, 200]);
    expect(documentedSchemaCheck(document, '/v1/campaigns', 'post', 201)(created.body)).toEqual([]);
    expect(documentedSchemaCheck(document, '/v1/campaigns', 'post', 201)(createdRetention.body)).toEqual([]);
    expect(documentedSchemaCheck(document, '/v1/campaigns/{campaignId}', 'put', 200)(replaced.body)).toEqual([]);
    expect(documentedSchemaCheck(document, '/v1/campaigns/{campaignId}', 'get', 200)(read.body)).toEqual([]);
    expect(documentedSchemaCheck(document, '/v1/campaigns', 'get', 200)(listed.body)).toEqual([]);
    expect(replaced.body).toMatchObject({ campaignId: 'win-back', enabled: false });
  });

  it('answers a duplicate and an unknown campaign with the documented problems', async () => {
    const duplicate = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { ...abandonedCart, campaignId: 'twice' });
    const again = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { ...abandonedCart, campaignId: 'twice' });
    const unknown = await adminRequest(running.baseUrl, 'GET', '/v1/campaigns/nowhere');
    const invalid = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { ...abandonedCart, campaignId: 'Bad Id' });
    expect([duplicate.status, again.status, unknown.status, invalid.status]).toEqual([201, 409, 404, 400]);
    expect(documentedSchemaCheck(document, '/v1/campaigns', 'post', 409, 'application/problem+json')(again.body)).toEqual([]);
    expect(documentedSchemaCheck(document, '/v1/campaigns/{campaignId}', 'get', 404, 'application/problem+json')(unknown.body)).toEqual([]);
    expect(documentedSchemaCheck(document, '/v1/campaigns', 'post', 400, 'application/problem+json')(invalid.body)).toEqual([]);
  });
});
