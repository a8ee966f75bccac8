import { EventTimeClock } from '@promo/platform';
import { documentedSchemaCheck, fetchApiDocument, type ServedApiDocument } from '@promo/platform/testing';
import { adminRequest, campaignsTestEnv, createTestDatabase, dropTestDatabase, migrate, type RunningCampaigns, startCampaigns } from './support/campaigns-test-env';

describe('campaigns admin API', () => {
  let running: RunningCampaigns;
  let document: ServedApiDocument;

  beforeAll(async () => {
    const env = campaignsTestEnv(await createTestDatabase());
    await migrate(env);
    running = await startCampaigns(env, new EventTimeClock('2026-03-01T00:00:00Z'));
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
    frequencyCapHours: 24,
    steps: [
      { delayMinutes: 60, template: { subject: 'Your cart', text: "Use {{promocode 'WINBACK'}}" } },
      { delayMinutes: 1440, template: { subject: 'Still there?', text: "Your code: {{last_promocode 'WINBACK'}}" } },
    ],
  };

  it('creates an abandoned-cart campaign with follow-up steps and reads it back', async () => {
    const created = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', abandonedCart);
    expect(created.status).toBe(201);
    const read = await adminRequest(running.baseUrl, 'GET', '/v1/campaigns/cart-recovery');
    expect(read.body).toEqual({ ...abandonedCart, enabled: true });
  });

  it('refuses a second campaign with the same id (409)', async () => {
    const again = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { ...abandonedCart, campaignId: 'twice' });
    expect(again.status).toBe(201);
    const conflict = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { ...abandonedCart, campaignId: 'twice' });
    expect(conflict.status).toBe(409);
  });

  it('names every invalid field of an abandoned-cart campaign (400)', async () => {
    const refused = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', {
      campaignId: 'Bad Id',
      name: '',
      kind: 'abandoned_cart',
      minimumCartValue: -1,
      steps: [{ delayMinutes: 60, template: { subject: 'a', text: 'b' } }, { delayMinutes: 30, template: { subject: 'c' } }],
    });
    expect(refused.status).toBe(400);
    const fields = (refused.body as { errors: { field: string; reason: string }[] }).errors.map((e) => `${e.field}:${e.reason}`).sort();
    expect(fields).toEqual(['campaignId:invalid_format', 'minimumCartValue:out_of_range', 'name:invalid_type', 'steps[1].delayMinutes:not_increasing', 'steps[1].template.text:required']);
  });

  it('names the missing fields of a retention campaign and an unknown kind (400)', async () => {
    const retention = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { campaignId: 'win-back', name: 'Win back', kind: 'retention', coolDownDays: 30 });
    expect(retention.status).toBe(400);
    expect((retention.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['minimumDaysInactive', 'template']);
    const unknown = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { campaignId: 'x', name: 'X', kind: 'sms' });
    expect((unknown.body as { errors: { field: string; reason: string }[] }).errors).toEqual([expect.objectContaining({ field: 'kind', reason: 'invalid_value' })]);
  });

  it('replaces a campaign (disable) and answers 404 for an unknown one', async () => {
    const replaced = await adminRequest(running.baseUrl, 'PUT', '/v1/campaigns/cart-recovery', { ...abandonedCart, enabled: false });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ campaignId: 'cart-recovery', enabled: false });
    const missing = await adminRequest(running.baseUrl, 'GET', '/v1/campaigns/nope');
    expect(missing.status).toBe(404);
  });

  it('keeps a suppression list and validates its entries', async () => {
    const bad = await adminRequest(running.baseUrl, 'POST', '/v1/suppressions', { email: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ field: 'email', reason: 'invalid_format' }] });
    expect((await adminRequest(running.baseUrl, 'POST', '/v1/suppressions', { email: 'Buyer@Example.test' })).status).toBe(201);
    expect((await adminRequest(running.baseUrl, 'GET', '/v1/suppressions')).body).toMatchObject({ items: [{ email: 'buyer@example.test', reason: 'merchant' }] });
    expect((await adminRequest(running.baseUrl, 'DELETE', '/v1/suppressions/buyer@example.test')).status).toBe(204);
    expect((await adminRequest(running.baseUrl, 'DELETE', '/v1/suppressions/buyer@example.test')).status).toBe(404);
  });

  it('refuses an unknown email kind filter and requires the admin key', async () => {
    expect((await adminRequest(running.baseUrl, 'GET', '/v1/emails?kind=sms')).status).toBe(400);
    expect((await fetch(`${running.baseUrl}/v1/emails`)).status).toBe(401);
  });

  // #24: every answer is what the OpenAPI document says, checked with ajv against the schemas /docs-json serves.
  it('answers campaigns of both kinds, and its problems, as its OpenAPI document says', async () => {
    const retention = { campaignId: 'doc-win-back', name: 'Win back', kind: 'retention', minimumDaysInactive: 90, template: { subject: 'We miss you', text: 'Come back' } };
    const created = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { ...abandonedCart, campaignId: 'doc-cart' });
    const createdRetention = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', retention);
    const replaced = await adminRequest(running.baseUrl, 'PUT', '/v1/campaigns/doc-win-back', { ...retention, enabled: false });
    const read = await adminRequest(running.baseUrl, 'GET', '/v1/campaigns/doc-cart');
    const listed = await adminRequest(running.baseUrl, 'GET', '/v1/campaigns');
    const conflict = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { ...abandonedCart, campaignId: 'doc-cart' });
    const unknown = await adminRequest(running.baseUrl, 'GET', '/v1/campaigns/nowhere');
    const invalid = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { ...abandonedCart, campaignId: 'Bad Id' });
    expect([created.status, createdRetention.status, replaced.status, read.status, listed.status, conflict.status, unknown.status, invalid.status]).toEqual([201, 201, 200, 200, 200, 409, 404, 400]);
    const check = (path: string, method: string, status: number, body: unknown) => documentedSchemaCheck(document, path, method, status, status >= 400 ? 'application/problem+json' : 'application/json')(body);
    expect(check('/v1/campaigns', 'post', 201, created.body)).toEqual([]);
    expect(check('/v1/campaigns', 'post', 201, createdRetention.body)).toEqual([]);
    expect(check('/v1/campaigns/{campaignId}', 'put', 200, replaced.body)).toEqual([]);
    expect(check('/v1/campaigns/{campaignId}', 'get', 200, read.body)).toEqual([]);
    expect(check('/v1/campaigns', 'get', 200, listed.body)).toEqual([]);
    expect(check('/v1/campaigns', 'post', 409, conflict.body)).toEqual([]);
    expect(check('/v1/campaigns/{campaignId}', 'get', 404, unknown.body)).toEqual([]);
    expect(check('/v1/campaigns', 'post', 400, invalid.body)).toEqual([]);
  });
});
