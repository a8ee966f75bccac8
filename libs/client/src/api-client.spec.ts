import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiProblemError, ApiTimeoutError, ApiUnreachableError } from './api-errors';
import { createPricingClient, createRedemptionLedgerClient, createServiceClients } from './service-clients';

/** One request as the stand-in saw it. */
interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly apiKey: string | undefined;
  readonly body: string;
}

/** A stand-in service on a local port: each test queues its answers; every request is recorded. */
class StandInService {
  seen: SeenRequest[] = [];
  answers: ((response: ServerResponse) => void)[] = [];
  private readonly server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const apiKey = request.headers['x-api-key'];
      this.seen.push({ method: request.method ?? '', url: request.url ?? '', apiKey: typeof apiKey === 'string' ? apiKey : undefined, body: Buffer.concat(chunks).toString('utf8') });
      const answer = this.answers.shift();
      if (answer === undefined) response.writeHead(500).end('no answer queued');
      else answer(response);
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (response: ServerResponse): void => {
    response.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers }).end(JSON.stringify(body));
  };

const UNAVAILABLE = { type: '/problems/dependency-unavailable', title: 'Service Unavailable', status: 503, detail: 'redis does not answer' };

describe('the typed client', () => {
  const standIn = new StandInService();
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await standIn.start();
  });

  afterAll(() => standIn.stop());

  beforeEach(() => {
    standIn.seen = [];
    standIn.answers = [];
  });

  it('fills path parameters, sends the query and the x-api-key header, and answers the parsed JSON', async () => {
    standIn.answers.push(json(200, { id: 'p 1', name: 'Ten off' }));
    const pricing = createPricingClient({ baseUrl: `${baseUrl}/`, apiKey: 'admin-key' });
    await expect(pricing.get('/v1/promotions/{id}', { path: { id: 'p 1' }, query: { expand: 'usage' } })).resolves.toEqual({ id: 'p 1', name: 'Ten off' });
    expect(standIn.seen).toEqual([{ method: 'GET', url: '/v1/promotions/p%201?expand=usage', apiKey: 'admin-key', body: '' }]);
  });

  it('retries a GET answered 503 after the Retry-After seconds it asks for, and answers the next attempt', async () => {
    standIn.answers.push(json(503, UNAVAILABLE, { 'retry-after': '1' }), json(200, { items: [] }));
    const ledger = createRedemptionLedgerClient({ baseUrl, apiKey: 'k', retries: 2 });
    const started = performance.now();
    await expect(ledger.get('/v1/statistics/orders')).resolves.toEqual({ items: [] });
    expect(standIn.seen.map((request) => request.method)).toEqual(['GET', 'GET']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('reads a Retry-After HTTP date against the wall time it is given', async () => {
    standIn.answers.push(json(429, { type: '/problems/too-many-requests', title: 'Too Many Requests', status: 429 }, { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' }), json(200, {}));
    // 300 ms before the date the answer names.
    const ledger = createRedemptionLedgerClient({ baseUrl, apiKey: 'k', nowMs: () => Date.parse('2026-10-21T07:27:59.700Z') });
    const started = performance.now();
    await expect(ledger.get('/v1/statistics/orders')).resolves.toEqual({});
    expect(standIn.seen).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('gives up after its retries and throws the last 503 as a typed problem', async () => {
    standIn.answers.push(...[1, 2, 3].map(() => json(503, UNAVAILABLE, { 'retry-after': '0' })));
    const ledger = createRedemptionLedgerClient({ baseUrl, apiKey: 'k', retries: 2 });
    const error = await ledger.get('/v1/statistics/orders').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect(error).toMatchObject({ status: 503, type: '/problems/dependency-unavailable', detail: 'redis does not answer' });
    expect(standIn.seen).toHaveLength(3);
  });

  it('does not wait out a Retry-After longer than its cap: it throws the 503 at once', async () => {
    standIn.answers.push(json(503, UNAVAILABLE, { 'retry-after': '120' }));
    const ledger = createRedemptionLedgerClient({ baseUrl, apiKey: 'k', maxRetryWaitMs: 2_000 });
    await expect(ledger.get('/v1/statistics/orders')).rejects.toMatchObject({ status: 503 });
    expect(standIn.seen).toHaveLength(1);
  });

  it('waits no longer than its cap between retries of answers that name no wait', async () => {
    // Without the cap the 5th wait alone would be 1.6 s (100 ms doubled each time).
    standIn.answers.push(...[1, 2, 3, 4, 5].map(() => json(503, UNAVAILABLE)), json(200, {}));
    const ledger = createRedemptionLedgerClient({ baseUrl, apiKey: 'k', retries: 5, maxRetryWaitMs: 150 });
    const started = performance.now();
    await expect(ledger.get('/v1/statistics/orders')).resolves.toEqual({});
    expect(standIn.seen).toHaveLength(6);
    // 100 + 150 × 4 = 700 ms of waits.
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('never retries a POST that is not marked idempotent: one 503 is the answer', async () => {
    standIn.answers.push(json(503, UNAVAILABLE, { 'retry-after': '0' }), json(201, { id: 'p-2' }));
    const pricing = createPricingClient({ baseUrl, apiKey: 'k', retries: 3 });
    await expect(pricing.post('/v1/promotions', { body: { name: 'Ten off' } as never })).rejects.toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(standIn.seen).toHaveLength(1);
  });

  it('retries a POST marked idempotent, sending the same body again', async () => {
    standIn.answers.push(json(503, UNAVAILABLE, { 'retry-after': '0' }), json(200, { applied: [] }));
    const pricing = createPricingClient({ baseUrl, apiKey: 'k' });
    await expect(pricing.post('/v1/carts/price/dry-run', { body: { promotions: [] }, idempotent: true })).resolves.toEqual({ applied: [] });
    expect(standIn.seen.map((request) => request.body)).toEqual(['{"promotions":[]}', '{"promotions":[]}']);
  });

  it('turns a 400 problem+json into ApiProblemError with each field error', async () => {
    const problem = {
      type: '/problems/validation',
      title: 'Bad Request',
      status: 400,
      detail: 'the body is invalid',
      errors: [{ field: 'rules[0].reward.percentOff', reason: 'out_of_range', detail: 'percentOff must be at most 10000' }],
    };
    standIn.answers.push(json(400, problem));
    const pricing = createPricingClient({ baseUrl, apiKey: 'k' });
    const error = await pricing.post('/v1/promotions', { body: {} as never }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiProblemError);
    const problemError = error as ApiProblemError;
    expect([problemError.status, problemError.type, problemError.title, problemError.detail]).toEqual([400, '/problems/validation', 'Bad Request', 'the body is invalid']);
    expect(problemError.errors).toEqual([{ field: 'rules[0].reward.percentOff', reason: 'out_of_range', detail: 'percentOff must be at most 10000' }]);
    expect(problemError.message).toBe('POST /v1/promotions answered 400 Bad Request: the body is invalid');
  });

  it('turns an answer that is not problem+json into ApiProblemError with the status as its title', async () => {
    standIn.answers.push((response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'));
    const pricing = createPricingClient({ baseUrl, apiKey: 'k' });
    await expect(pricing.get('/v1/settings')).rejects.toMatchObject({ status: 502, type: 'about:blank', title: 'HTTP 502', detail: null, errors: [] });
  });

  it('times out a call that gets no answer within the client timeout', async () => {
    standIn.answers.push(() => undefined); // accepts the request and never answers
    const pricing = createPricingClient({ baseUrl, apiKey: 'k', timeoutMs: 200 });
    const started = performance.now();
    const error = await pricing.get('/v1/settings').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect((error as Error).message).toBe('GET /v1/settings did not answer within 200 ms');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("takes a call's own timeout over the client's", async () => {
    standIn.answers.push(() => undefined);
    const pricing = createPricingClient({ baseUrl, apiKey: 'k', timeoutMs: 60_000 });
    await expect(pricing.get('/v1/settings', { timeoutMs: 150 })).rejects.toThrow(new ApiTimeoutError('GET /v1/settings', 150));
  });

  it('counts the retry waits within the timeout: a Retry-After beyond it ends in a timeout', async () => {
    standIn.answers.push(json(503, UNAVAILABLE, { 'retry-after': '2' }), json(200, {}));
    const ledger = createRedemptionLedgerClient({ baseUrl, apiKey: 'k', timeoutMs: 300 });
    await expect(ledger.get('/v1/statistics/orders')).rejects.toBeInstanceOf(ApiTimeoutError);
    expect(standIn.seen).toHaveLength(1);
  });

  it("throws the caller's abort reason when the caller aborts", async () => {
    standIn.answers.push(() => undefined);
    const controller = new AbortController();
    const pricing = createPricingClient({ baseUrl, apiKey: 'k' });
    const call = pricing.get('/v1/settings', { signal: controller.signal });
    controller.abort(new Error('the page was left'));
    await expect(call).rejects.toThrow('the page was left');
  });

  it('says which call got no answer when nothing listens', async () => {
    const closed = new StandInService();
    const closedUrl = await closed.start();
    await closed.stop();
    const pricing = createPricingClient({ baseUrl: closedUrl, apiKey: 'k', retries: 1 });
    await expect(pricing.post('/v1/promotions/{id}/disable', { path: { id: 'p-1' } })).rejects.toBeInstanceOf(ApiUnreachableError);
  });

  it('builds one client per service, each below its own base path (the console proxies /api/<service>)', async () => {
    standIn.answers.push(json(200, { orders: 0 }), json(200, { items: [] }));
    const clients = createServiceClients((service) => `${baseUrl}/api/${service}`, { apiKey: 'k' });
    await clients.redemptionLedger.get('/v1/statistics/orders');
    await clients.campaigns.get('/v1/campaigns');
    expect(standIn.seen.map((request) => request.url)).toEqual(['/api/redemption-ledger/v1/statistics/orders', '/api/campaigns/v1/campaigns']);
  });

  it('answers undefined for a 204', async () => {
    standIn.answers.push((response) => response.writeHead(204).end());
    const pricing = createPricingClient({ baseUrl, apiKey: 'k' });
    await expect(pricing.delete('/v1/promotions/{id}', { path: { id: 'p-1' } })).resolves.toBeUndefined();
    expect(standIn.seen[0]?.method).toBe('DELETE');
  });

  it('is typed by the document: an unknown path, a missing path parameter or a wrong body does not compile (npm run typecheck)', async () => {
    const pricing = createPricingClient({ baseUrl, apiKey: null, retries: 0 });
    standIn.answers.push(...[1, 2, 3].map(() => json(404, { title: 'Not Found', status: 404 })));
    // @ts-expect-error the document has no such path
    await expect(pricing.get('/v1/nothing')).rejects.toMatchObject({ status: 404 });
    // @ts-expect-error /v1/promotions/{id} needs its path parameter
    await expect(pricing.get('/v1/promotions/{id}', {})).rejects.toThrow('/v1/promotions/{id}: the path parameter id is missing');
    // @ts-expect-error the dry run takes promotions as an array
    await expect(pricing.post('/v1/carts/price/dry-run', { body: { promotions: 'none' } })).rejects.toMatchObject({ status: 404 });
    expect(standIn.seen.map((request) => request.apiKey)).toEqual([undefined, undefined]);
  });
});
