import { EventTimeClock } from '@promo/platform';
import { documentedSchemaCheck, fetchApiDocument, type ServedApiDocument, documentedAnswers, waitFor } from '@promo/platform/testing';
import { DataSource } from 'typeorm';
import { EmailContentService } from '../src/email/email-content.service';
import { ADMIN_KEY, adminRequest, campaignsTestEnv, createTestDatabase, dropTestDatabase, migrate, type RunningCampaigns, startCampaigns } from './support/campaigns-test-env';

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

  /** The problems of a real answer against the document (status, media type, body); [] when it conforms. */
  const undocumented = async (method: string, path: string, response: Response): Promise<readonly string[]> => (await documentedAnswers(document)(method, path, response)).problems;
  const admin = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${running.baseUrl}${path}`, { method, headers: { 'x-api-key': ADMIN_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const queryOf = (link: string): string => new URL(link).search;

  it('answers an email preview, and its problems, as its OpenAPI document says', async () => {
    expect((await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { ...abandonedCart, campaignId: 'doc-preview' })).status).toBe(201);
    const cart = { cartId: 'cart-doc', currency: 'EUR', channel: 'web', lines: [{ lineId: 'l1', sku: 'TEE', productId: 'tee', quantity: 1, unitPrice: 4500 }], updatedAt: '2026-03-01T00:00:00Z' };
    const preview = await admin('POST', '/v1/campaigns/doc-preview/steps/1/preview', { cart });
    expect(await preview.clone().json()).toMatchObject({ subject: 'Your cart', text: expect.stringContaining('Use WINBACK-PREVIEW') as unknown });
    expect(await undocumented('post', '/v1/campaigns/{campaignId}/steps/{step}/preview', preview)).toEqual([]);
    const badStep = await admin('POST', '/v1/campaigns/doc-preview/steps/0/preview', { cart });
    const noStep = await admin('POST', '/v1/campaigns/doc-preview/steps/3/preview', { cart });
    expect([badStep.status, noStep.status]).toEqual([400, 404]);
    expect(await undocumented('post', '/v1/campaigns/{campaignId}/steps/{step}/preview', badStep)).toEqual([]);
    expect(await undocumented('post', '/v1/campaigns/{campaignId}/steps/{step}/preview', noStep)).toEqual([]);
    const tooLarge = await admin('POST', '/v1/campaigns/doc-preview/steps/1/preview', { cart: { ...cart, cartId: 'x'.repeat(200_000) } });
    expect(tooLarge.status).toBe(413);
    expect(await undocumented('post', '/v1/campaigns/{campaignId}/steps/{step}/preview', tooLarge)).toEqual([]);
  });

  it('answers emails, a tracked link and statistics as its OpenAPI document says', async () => {
    const emailId = 'ac:doc-stats:cart-stats:1';
    const sql = running.app.get(DataSource);
    // An email sent for cart-stats and an order of that cart placed after it: the order is the email's (K5).
    await sql.query(
      `INSERT INTO emails (email_id, kind, campaign_id, step, customer_id, cart_id, recipient, due_at, message_id, status, attempts, code, created_at, sent_at)
       VALUES ($1, 'abandoned_cart', 'doc-stats', 1, 'cu-stats', 'cart-stats', 'stats@example.test', '2026-02-28T10:00:00Z', '<doc-stats@test>', 'sent', 1, 'WB-1', '2026-02-28T09:00:00Z', '2026-02-28T10:00:01Z')`,
      [emailId],
    );
    await sql.query(`INSERT INTO orders_seen (order_id, cart_id, customer_id, currency, total, placed_at) VALUES ('o-stats', 'cart-stats', 'cu-stats', 'EUR', 4500, '2026-02-28T12:00:00Z')`);
    const link = running.app.get(EmailContentService).trackedLink(emailId, 'https://shop.example.test/cart');
    const followed = await fetch(`${running.baseUrl}/v1/links/${encodeURIComponent(emailId)}${queryOf(link)}`, { redirect: 'manual' });
    // The redirect as documented: its status and Location (its body is Express' own "Found. Redirecting to" text).
    expect([followed.status, followed.headers.get('location')]).toEqual([302, 'https://shop.example.test/cart']);
    expect(Object.keys((document.paths['/v1/links/{emailId}'] as { get: { responses: object } }).get.responses)).toContain('302');
    const forged = await fetch(`${running.baseUrl}/v1/links/${encodeURIComponent(emailId)}?to=https%3A%2F%2Fevil.example.test&sig=forged`, { redirect: 'manual' });
    expect(forged.status).toBe(400);
    expect(await undocumented('get', '/v1/links/{emailId}', forged)).toEqual([]);

    const emails = await admin('GET', '/v1/emails?campaignId=doc-stats&limit=10');
    expect(await emails.clone().json()).toMatchObject({ items: [{ emailId, status: 'sent', code: 'WB-1' }], nextCursor: null });
    expect(await undocumented('get', '/v1/emails', emails)).toEqual([]);
    const badKind = await admin('GET', '/v1/emails?kind=sms');
    expect(await undocumented('get', '/v1/emails', badKind)).toEqual([]);
    const statistics = await admin('GET', '/v1/statistics/campaigns/doc-stats');
    // By hand: one sent, its link followed, one order of 45.00 EUR after it.
    expect(await statistics.clone().json()).toEqual({
      items: [{ campaignId: 'doc-stats', step: 1, sent: 1, opened: 1, recoveredCarts: 1, recoveredOrders: 1, recoveredRevenueByCurrency: [{ currency: 'EUR', amount: 4500 }] }],
    });
    expect(await undocumented('get', '/v1/statistics/campaigns/{campaignId}', statistics)).toEqual([]);
    expect(await undocumented('get', '/v1/statistics/campaigns', await admin('GET', '/v1/statistics/campaigns'))).toEqual([]);
    // A NUL in a path parameter is a 400 on every route (NulCharacterPipe).
    const nul = await admin('GET', '/v1/statistics/campaigns/a%00b');
    expect(nul.status).toBe(400);
    expect(await undocumented('get', '/v1/statistics/campaigns/{campaignId}', nul)).toEqual([]);
  });

  it('answers suppressions and the unsubscribe pages (text/html) as its OpenAPI document says', async () => {
    const added = await admin('POST', '/v1/suppressions', { email: 'Doc@Example.test', customerId: 'cu-doc' });
    expect(await added.clone().json()).toMatchObject({ email: 'doc@example.test', customerId: 'cu-doc', reason: 'merchant' });
    expect(await undocumented('post', '/v1/suppressions', added)).toEqual([]);
    expect(await undocumented('post', '/v1/suppressions', await admin('POST', '/v1/suppressions', { email: 'not an address' }))).toEqual([]);
    expect(await undocumented('get', '/v1/suppressions', await admin('GET', '/v1/suppressions?limit=5'))).toEqual([]);
    expect(await undocumented('get', '/v1/suppressions', await admin('GET', '/v1/suppressions?cursor=forged'))).toEqual([]);
    const removed = await admin('DELETE', '/v1/suppressions/doc@example.test');
    const again = await admin('DELETE', '/v1/suppressions/doc@example.test');
    expect([removed.status, again.status]).toEqual([204, 404]);
    expect(await undocumented('delete', '/v1/suppressions/{email}', removed)).toEqual([]);
    expect(await undocumented('delete', '/v1/suppressions/{email}', again)).toEqual([]);

    const query = queryOf(running.app.get(EmailContentService).unsubscribeLink('leaving@example.test'));
    const page = await fetch(`${running.baseUrl}/v1/unsubscribe${query}`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await undocumented('get', '/v1/unsubscribe', page)).toEqual([]);
    const oneClick = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' };
    const done = await fetch(`${running.baseUrl}/v1/unsubscribe${query}`, oneClick);
    expect(await done.clone().text()).toContain('leaving@example.test');
    expect(await undocumented('post', '/v1/unsubscribe', done)).toEqual([]);
    expect(await undocumented('get', '/v1/unsubscribe', await fetch(`${running.baseUrl}/v1/unsubscribe?email=leaving%40example.test&sig=forged`))).toEqual([]);
    expect(await undocumented('post', '/v1/unsubscribe', await fetch(`${running.baseUrl}/v1/unsubscribe?email=leaving%40example.test`, oneClick))).toEqual([]);
  });

  it('answers its probes, metrics, watermark and ingestion report as its OpenAPI document says', async () => {
    expect(await undocumented('get', '/health/live', await fetch(`${running.baseUrl}/health/live`))).toEqual([]);
    const ready = await waitFor(
      async () => {
        const response = await fetch(`${running.baseUrl}/health/ready`);
        return response.status === 200 ? response : null;
      },
      { timeoutMs: 30_000, description: 'ready' },
    );
    expect(await undocumented('get', '/health/ready', ready)).toEqual([]);
    expect(await undocumented('get', '/metrics', await fetch(`${running.baseUrl}/metrics`))).toEqual([]);
    expect(await undocumented('get', '/v1/ops/watermark', await admin('GET', '/v1/ops/watermark'))).toEqual([]);
    expect(await undocumented('get', '/v1/ops/ingestion', await admin('GET', '/v1/ops/ingestion'))).toEqual([]);
  });
});
