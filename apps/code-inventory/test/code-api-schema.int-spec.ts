import { documentedSchemaCheck, fetchApiDocument, type ServedApiDocument, documentedAnswers, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { aGroupWithCodes } from './builders/code-group.builder';
import { ADMIN_KEY, type InventoryApp, startInventoryApp } from './support/inventory-app';

// #24: code-inventory's answers are what its OpenAPI document says, checked with ajv against the schemas the running
// service serves at /docs-json: status, media type and body.
describe('code-inventory answers as its OpenAPI document says', () => {
  let inventory: InventoryApp;
  let document: ServedApiDocument;

  beforeAll(async () => {
    inventory = await startInventoryApp();
    document = await fetchApiDocument(inventory.baseUrl);
  }, 60_000);

  afterAll(() => inventory.close());

  const answer = async (response: Response): Promise<{ status: number; body: unknown }> => ({ status: response.status, body: await response.json() });

  it('issues a code, re-issues it, answers empty from an exhausted group, and in a batch', async () => {
    const issued = documentedSchemaCheck(document, '/v1/groups/{groupId}/issue', 'post', 200);
    const { groupId } = await aGroupWithCodes(inventory, 2);
    const first = await answer(await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-1', mode: 'first', bindToCustomer: true }));
    const repeat = await answer(await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-1', mode: 'reissue' }));
    const batch = await answer(await inventory.admin('POST', `/v1/groups/${groupId}/issue-batch`, { requests: [{ customerId: 'cu-2', mode: 'first' }, { customerId: 'cu-3', mode: 'first' }] }));
    expect([first.status, repeat.status, batch.status]).toEqual([200, 200, 200]);
    expect(issued(first.body)).toEqual([]);
    expect(issued(repeat.body)).toEqual([]);
    expect(repeat.body).toMatchObject({ issue: 'repeat' });
    expect(documentedSchemaCheck(document, '/v1/groups/{groupId}/issue-batch', 'post', 200)(batch.body)).toEqual([]);
    // By hand: two codes, cu-1 has one, cu-2 takes the other, nothing is left for cu-3.
    expect(batch.body).toMatchObject({ results: [{ issue: 'first' }, { code: null, issue: null, token: null, promotionId: null }] });
  });

  it('looks a code up, with and without a token, and answers 404 as documented for an unknown one', async () => {
    const lookedUp = documentedSchemaCheck(document, '/v1/codes/{code}', 'get', 200);
    const { groupId, codes } = await aGroupWithCodes(inventory, 1);
    const issue = (await (await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-9', mode: 'first', bindToCustomer: true })).json()) as { token: string };
    const code = encodeURIComponent(codes[0] ?? '');
    const plain = await answer(await inventory.storefront('GET', `/v1/codes/${code}`));
    const withToken = await answer(await inventory.storefront('GET', `/v1/codes/${code}?customerId=cu-9&token=${encodeURIComponent(issue.token)}`));
    expect([plain.status, withToken.status]).toEqual([200, 200]);
    expect(lookedUp(plain.body)).toEqual([]);
    expect(lookedUp(withToken.body)).toEqual([]);
    expect(withToken.body).toMatchObject({ state: 'issued', isBound: true, tokenValid: true, groupId });
    const unknown = await answer(await inventory.storefront('GET', '/v1/codes/NO-SUCH-CODE-ANYWHERE'));
    expect(unknown.status).toBe(404);
    expect(documentedSchemaCheck(document, '/v1/codes/{code}', 'get', 404, 'application/problem+json')(unknown.body)).toEqual([]);
  });

  /** The problems of a real answer against the document; [] when it conforms. */
  const undocumented = async (method: string, path: string, response: Response): Promise<readonly string[]> => (await documentedAnswers(document)(method, path, response)).problems;
  const adminFetch = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${inventory.baseUrl}${path}`, { ...init, headers: { 'x-api-key': ADMIN_KEY, ...init.headers } });

  it('answers the group, upload, export and issuance history routes', async () => {
    const s = uniqueSuffix().toUpperCase();
    const groupId = `D${s}`;
    const created = await inventory.admin('POST', '/v1/groups', { groupId, name: 'Docs', promotionId: `promo-${s.toLowerCase()}` });
    expect(await undocumented('post', '/v1/groups', created)).toEqual([]);
    // Over the 100 kB every JSON body is read up to (JSON_BODY_LIMIT_BYTES).
    const tooLarge = await inventory.admin('POST', '/v1/groups', { groupId: `L${s}`, name: 'x'.repeat(200_000), promotionId: 'promo-large' });
    expect(tooLarge.status).toBe(413);
    expect(await undocumented('post', '/v1/groups', tooLarge)).toEqual([]);
    expect(await undocumented('post', '/v1/groups/{groupId}/codes', await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes: [`${s}-1`, `${s}-2`] }))).toEqual([]);
    const form = new FormData();
    form.append('file', new Blob([`${s}-3\n`], { type: 'text/csv' }), 'codes.csv');
    expect(await undocumented('post', '/v1/groups/{groupId}/codes/csv', await adminFetch(`/v1/groups/${groupId}/codes/csv`, { method: 'POST', body: form }))).toEqual([]);
    const streamed = await adminFetch(`/v1/groups/${groupId}/codes/stream`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `${s}-4\n` });
    expect(await undocumented('post', '/v1/groups/{groupId}/codes/stream', streamed)).toEqual([]);
    const held = await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes: [`${s}-1`] });
    const invalid = await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes: ['bad;code'] });
    expect([held.status, invalid.status]).toEqual([409, 400]);
    expect(await undocumented('post', '/v1/groups/{groupId}/codes', held)).toEqual([]);
    expect(await undocumented('post', '/v1/groups/{groupId}/codes', invalid)).toEqual([]);
    expect((await (await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: `cu-${s}`, mode: 'first', bindToCustomer: true })).json()) as object).toMatchObject({ issue: 'first' });

    const one = await inventory.admin('GET', `/v1/groups/${groupId}`);
    expect(one.status).toBe(200);
    const group: unknown = await one.clone().json();
    // By hand: two listed, one from the CSV, one streamed; one of them issued.
    expect(group).toMatchObject({ groupId, total: 4, available: 3, issued: 1, redeemed: 0 });
    expect(await undocumented('get', '/v1/groups/{groupId}', one)).toEqual([]);
    expect(await undocumented('get', '/v1/groups', await inventory.admin('GET', '/v1/groups'))).toEqual([]);
    expect(await undocumented('patch', '/v1/groups/{groupId}', await inventory.admin('PATCH', `/v1/groups/${groupId}`, { name: 'Docs, renamed' }))).toEqual([]);
    const { rows } = await inventory.sql.query<{ first: string; last: string }>(`SELECT min(id)::text AS first, max(id)::text AS last FROM codes WHERE group_id = $1`, [groupId]);
    const page = await inventory.admin('GET', `/v1/groups/${groupId}/codes?fromId=${rows[0]?.first ?? ''}&toId=${rows[0]?.last ?? ''}&limit=3`);
    expect(((await page.clone().json()) as { codes: unknown[] }).codes).toHaveLength(3);
    expect(await undocumented('get', '/v1/groups/{groupId}/codes', page)).toEqual([]);
    expect(await undocumented('get', '/v1/groups/{groupId}/customers', await inventory.admin('GET', `/v1/groups/${groupId}/customers?limit=10`))).toEqual([]);
    const history = await inventory.admin('GET', `/v1/customers/cu-${s}/codes`);
    expect(await history.clone().json()).toMatchObject({ customerId: `cu-${s}`, codesIssued: 1 });
    expect(await undocumented('get', '/v1/customers/{customerId}/codes', history)).toEqual([]);
    const exported = await inventory.admin('GET', `/v1/groups/${groupId}/export`);
    expect((await exported.clone().text()).trim().split('\n')).toHaveLength(5);
    expect(await undocumented('get', '/v1/groups/{groupId}/export', exported)).toEqual([]);
    const busy = await inventory.admin('DELETE', `/v1/groups/${groupId}`);
    expect(busy.status).toBe(409);
    expect(await undocumented('delete', '/v1/groups/{groupId}', busy)).toEqual([]);
    const deleted = await inventory.admin('DELETE', `/v1/groups/${groupId}?force=true`);
    expect(await deleted.clone().json()).toEqual({ deletedCodes: 4 });
    expect(await undocumented('delete', '/v1/groups/{groupId}', deleted)).toEqual([]);
    const gone = await inventory.admin('GET', `/v1/groups/${groupId}`);
    expect(gone.status).toBe(404);
    expect(await undocumented('get', '/v1/groups/{groupId}', gone)).toEqual([]);
  });

  it('answers the shared code routes', async () => {
    const s = uniqueSuffix().toUpperCase();
    const promotionId = `promo-${s.toLowerCase()}`;
    const created = await inventory.admin('POST', '/v1/codes', { code: `W${s}`, promotionId });
    expect(created.status).toBe(201);
    expect(await undocumented('post', '/v1/codes', created)).toEqual([]);
    const listed = await inventory.storefront('GET', `/v1/promotions/${promotionId}/codes`);
    expect(await listed.clone().json()).toEqual({ codes: [{ code: `W${s}`, normalizedCode: `w${s.toLowerCase()}`, promotionId, hidden: false }] });
    expect(await undocumented('get', '/v1/promotions/{promotionId}/codes', listed)).toEqual([]);
    const registered = await inventory.admin('PUT', `/v1/promotions/${promotionId}-2/shared-codes`, { codes: [`R${s}`], version: 1 });
    expect(await registered.clone().json()).toEqual({ promotionId: `${promotionId}-2`, codes: [`R${s}`] });
    expect(await undocumented('put', '/v1/promotions/{promotionId}/shared-codes', registered)).toEqual([]);
    const taken = await inventory.admin('PUT', `/v1/promotions/${promotionId}-3/shared-codes`, { codes: [`W${s}`], version: 1 });
    expect(taken.status).toBe(409);
    expect(await undocumented('put', '/v1/promotions/{promotionId}/shared-codes', taken)).toEqual([]);
  });

  it('answers a generation job, its progress, its events and its cancellation', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const started = await inventory.admin('POST', `/v1/groups/${groupId}/generate`, { count: 500, length: 10, prefix: `J${uniqueSuffix().toUpperCase()}` });
    expect(started.status).toBe(202);
    const job = (await started.clone().json()) as { id: string };
    expect(await undocumented('post', '/v1/groups/{groupId}/generate', started)).toEqual([]);
    expect(await undocumented('get', '/v1/jobs/{id}', await inventory.admin('GET', `/v1/jobs/${job.id}`))).toEqual([]);
    const events = await inventory.admin('GET', `/v1/jobs/${job.id}/events`);
    const stream = await events.clone().text();
    expect(await undocumented('get', '/v1/jobs/{id}/events', events)).toEqual([]);
    // Each event's data is the progress GET /v1/jobs/{id} answers, as the events' description says.
    const progress = documentedSchemaCheck(document, '/v1/jobs/{id}', 'get', 200);
    const data = stream.split('\n').filter((line) => line.startsWith('data: ')).map((line) => JSON.parse(line.slice('data: '.length)) as unknown);
    expect(data.length).toBeGreaterThan(0);
    expect(data.flatMap((value) => progress(value))).toEqual([]);
    expect(data[data.length - 1]).toMatchObject({ state: 'completed', done: 500 });
    const cancelled = await inventory.admin('POST', `/v1/jobs/${job.id}/cancel`);
    expect(await cancelled.clone().json()).toMatchObject({ state: 'completed' });
    expect(await undocumented('post', '/v1/jobs/{id}/cancel', cancelled)).toEqual([]);
    const unknown = await inventory.admin('GET', '/v1/jobs/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(await undocumented('get', '/v1/jobs/{id}', unknown)).toEqual([]);
    // A NUL in a path parameter is a 400 on every route (NulCharacterPipe).
    const nul = await inventory.admin('POST', '/v1/jobs/a%00b/cancel');
    expect(nul.status).toBe(400);
    expect(await undocumented('post', '/v1/jobs/{id}/cancel', nul)).toEqual([]);
    const unknownEvents = await inventory.admin('GET', '/v1/jobs/00000000-0000-4000-8000-000000000000/events');
    expect(unknownEvents.status).toBe(404);
    expect(await undocumented('get', '/v1/jobs/{id}/events', unknownEvents)).toEqual([]);
  }, 60_000);

  it('answers 429 with Retry-After past the lookup limit', async () => {
    const limited = await startInventoryApp({ CODE_LOOKUP_LIMIT_PER_KEY: '1', CODE_LOOKUP_LIMIT_WINDOW_MS: '60000' });
    try {
      expect((await limited.storefront('GET', '/v1/codes/NO-SUCH-CODE')).status).toBe(404);
      const refused = await limited.storefront('GET', '/v1/codes/NO-SUCH-CODE');
      expect([refused.status, Number(refused.headers.get('retry-after')) >= 1]).toEqual([429, true]);
      expect(await undocumented('get', '/v1/codes/{code}', refused)).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it('answers its probes, metrics and ingestion report', async () => {
    expect(await undocumented('get', '/health/live', await fetch(`${inventory.baseUrl}/health/live`))).toEqual([]);
    const ready = await waitFor(async () => {
      const response = await fetch(`${inventory.baseUrl}/health/ready`);
      return response.status === 200 ? response : null;
    }, { timeoutMs: 30_000, description: 'ready' });
    expect(await undocumented('get', '/health/ready', ready)).toEqual([]);
    const metrics = await fetch(`${inventory.baseUrl}/metrics`);
    expect(await metrics.clone().text()).toContain('process_cpu_seconds_total');
    expect(await undocumented('get', '/metrics', metrics)).toEqual([]);
    expect(await undocumented('get', '/v1/ops/ingestion', await inventory.admin('GET', '/v1/ops/ingestion'))).toEqual([]);
  });
});
