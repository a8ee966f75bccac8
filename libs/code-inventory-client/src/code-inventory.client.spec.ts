import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { platformTracer, startTracing } from '@promo/platform';
import { CodeInventoryClient } from './code-inventory.client';
import { CodeInventoryRefusedError, CodeInventoryUnavailableError } from './code-inventory.errors';

/** A full issue answer, as code-inventory gives it (IssueResult in libs/contracts). */
const ISSUED = '{"code":"C-1","issue":"first","token":null,"promotionId":"P-1"}';

/** A full lookup answer (CodeLookupAnswer in libs/contracts). */
const FOUND = { code: 'Bulk-1', normalizedCode: 'bulk-1', promotionId: 'P-1', groupId: 'G-1', state: 'issued', hidden: false, isBound: true, tokenValid: true };

/** A stand-in code-inventory on a local port whose answer each test sets; counts the calls that reach it. */
class StandInCodeInventory {
  calls = 0;
  urls: string[] = [];
  traceparents: (string | undefined)[] = [];
  answer: (response: ServerResponse) => void = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(ISSUED);
  private readonly server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    this.calls += 1;
    this.urls.push(request.url ?? '');
    this.traceparents.push(request.headers['traceparent']?.toString());
    request.resume();
    request.on('end', () => this.answer(response));
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

/** The client's promise settled within `withinMs`, or the text 'still waiting' (so a hang is a figure, not a jest timeout). */
async function settleWithin(promise: Promise<unknown>, withinMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`still waiting after ${withinMs} ms`), withinMs);
  });
  try {
    return await Promise.race([promise.then((value) => value, (error: unknown) => error), guard]);
  } finally {
    clearTimeout(timer);
  }
}

describe('CodeInventoryClient.issue (#19.9: timeout and circuit breaker)', () => {
  const standIn = new StandInCodeInventory();
  let url: string;
  // 2 s unless a test is about the timeout: a loaded machine can take longer than 200 ms to answer a stand-in.
  const clientWith = (timeoutMs = 2_000): CodeInventoryClient => new CodeInventoryClient({ baseUrl: url, apiKey: 'k', timeoutMs, lookupRetries: 0, breakerThreshold: 3, breakerOpenMs: 300 });

  beforeAll(async () => {
    url = await standIn.start();
  });

  afterAll(() => standIn.stop());

  beforeEach(() => {
    standIn.calls = 0;
    standIn.urls = [];
    standIn.answer = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(ISSUED);
  });

  it('gives up on a code-inventory that never answers after CODE_INVENTORY_TIMEOUT_MS, as unavailable (the email stays queued)', async () => {
    standIn.answer = () => undefined; // accepts the request and never answers
    const started = performance.now();
    const outcome = await settleWithin(clientWith(200).issue('WINBACK', 'cu-1', 'first'), 2_000);
    expect(outcome).toBeInstanceOf(CodeInventoryUnavailableError);
    expect((outcome as Error).message).toBe('code-inventory did not answer within 200 ms');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('opens after 3 unavailable answers in a row: the 4th call fails at once without reaching code-inventory', async () => {
    standIn.answer = (response) => response.writeHead(503).end();
    const client = clientWith();
    for (let i = 0; i < 3; i += 1) await expect(client.issue('WINBACK', `cu-${i}`, 'first')).rejects.toThrow('code-inventory answered 503');
    await expect(client.issue('WINBACK', 'cu-4', 'first')).rejects.toThrow('code-inventory circuit open: not called');
    expect(standIn.calls).toBe(3);
  });

  it('lets one trial through after CODE_INVENTORY_BREAKER_OPEN_MS; its success closes the breaker', async () => {
    standIn.answer = (response) => response.writeHead(503).end();
    const client = clientWith();
    for (let i = 0; i < 3; i += 1) await expect(client.issue('WINBACK', `cu-${i}`, 'first')).rejects.toBeInstanceOf(CodeInventoryUnavailableError);
    await new Promise((resolve) => setTimeout(resolve, 350));
    standIn.answer = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"C-9","issue":"first","token":"t","promotionId":"P-1"}');
    await expect(client.issue('WINBACK', 'cu-trial', 'first')).resolves.toEqual({ code: 'C-9', issue: 'first', token: 't', promotionId: 'P-1' });
    await expect(client.issue('WINBACK', 'cu-after', 'first')).resolves.toEqual({ code: 'C-9', issue: 'first', token: 't', promotionId: 'P-1' });
    expect(standIn.calls).toBe(5);
  });

  it('does not count a 4xx refusal or an unknown group (404) against code-inventory', async () => {
    const client = clientWith();
    standIn.answer = (response) => response.writeHead(404).end();
    for (let i = 0; i < 3; i += 1) await expect(client.issue('NO-SUCH-GROUP', `cu-${i}`, 'first')).resolves.toEqual({ code: null, issue: null, token: null, promotionId: null });
    standIn.answer = (response) => response.writeHead(400).end();
    for (let i = 0; i < 3; i += 1) await expect(client.issue('WINBACK', `cu-${i}`, 'first')).rejects.toThrow(new CodeInventoryRefusedError('code-inventory refused the issue: 400'));
    expect(client.breaker.isOpen).toBe(false);
    expect(standIn.calls).toBe(6);
  });
});

describe('CodeInventoryClient.lookup', () => {
  const standIn = new StandInCodeInventory();
  let url: string;
  const clientWith = (timeoutMs = 2_000): CodeInventoryClient =>
    new CodeInventoryClient({ baseUrl: `${url}/`, apiKey: 'k', timeoutMs, lookupRetries: 1, breakerThreshold: 2, breakerOpenMs: 60_000 });
  const json = (body: unknown) => (response: ServerResponse) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  beforeAll(async () => {
    url = await standIn.start();
  });

  afterAll(() => standIn.stop());

  beforeEach(() => {
    standIn.calls = 0;
    standIn.urls = [];
  });

  it('asks for the code with the customer and token, and answers what code-inventory found', async () => {
    standIn.answer = json(FOUND);
    await expect(clientWith().lookup('bulk 1/x', 'cu-1', 't&1')).resolves.toEqual({ kind: 'found', record: FOUND });
    expect(standIn.urls).toEqual(['/v1/codes/bulk%201%2Fx?customerId=cu-1&token=t%261']);
  });

  it('answers not_found on a 404', async () => {
    standIn.answer = (response) => response.writeHead(404).end();
    await expect(clientWith().lookup('nope', null, null)).resolves.toEqual({ kind: 'not_found' });
    expect(standIn.urls).toEqual(['/v1/codes/nope']);
  });

  it('tries a 5xx once more (a lookup is idempotent) and answers the second attempt', async () => {
    let attempts = 0;
    standIn.answer = (response) => {
      attempts += 1;
      if (attempts === 1) response.writeHead(503).end();
      else json(FOUND)(response);
    };
    await expect(clientWith().lookup('bulk-1', null, null)).resolves.toEqual({ kind: 'found', record: FOUND });
    expect(standIn.calls).toBe(2);
  });

  it('is unavailable after its retries time out, and opens the breaker after 2 such lookups', async () => {
    standIn.answer = () => undefined; // accepts the request and never answers
    const client = clientWith(200);
    await expect(client.lookup('bulk-1', null, null)).resolves.toEqual({ kind: 'unavailable' });
    await expect(client.lookup('bulk-2', null, null)).resolves.toEqual({ kind: 'unavailable' });
    expect(standIn.calls).toBe(4);
    await expect(client.lookup('bulk-3', null, null)).resolves.toEqual({ kind: 'unavailable' });
    expect(standIn.calls).toBe(4);
  });

  it('answers a refused request (400) as unavailable without retrying or counting it against the breaker (#19 hole 3)', async () => {
    standIn.answer = (response) => response.writeHead(400).end();
    const client = clientWith();
    for (let i = 0; i < 3; i += 1) await expect(client.lookup(`bad-${i}`, null, null)).resolves.toEqual({ kind: 'unavailable' });
    expect(standIn.calls).toBe(3);
    expect(client.breaker.isOpen).toBe(false);
  });

  it('answers an answer in a shape not agreed as unavailable', async () => {
    standIn.answer = json({ ...FOUND, state: 'lost' });
    await expect(clientWith().lookup('bulk-1', null, null)).resolves.toEqual({ kind: 'unavailable' });
  });
});

describe('CodeInventoryClient and the trace context (#24)', () => {
  const standIn = new StandInCodeInventory();
  let client: CodeInventoryClient;

  beforeAll(async () => {
    client = new CodeInventoryClient({ baseUrl: await standIn.start(), apiKey: 'k', timeoutMs: 2_000, lookupRetries: 0, breakerThreshold: 3, breakerOpenMs: 300 });
    standIn.answer = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(FOUND));
  });

  afterAll(() => standIn.stop());

  it('sends the active span’s traceparent while tracing is on, so code-inventory’s span continues the caller’s trace', async () => {
    const tracing = startTracing('pricing', {}, { spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())] });
    try {
      const span = platformTracer().startSpan('POST /v1/carts/price');
      await context.with(trace.setSpan(ROOT_CONTEXT, span), () => client.lookup('bulk-1', null, null));
      span.end();
      const { traceId, spanId } = span.spanContext();
      expect(standIn.traceparents.at(-1)).toBe(`00-${traceId}-${spanId}-01`);
    } finally {
      await tracing.shutdown();
    }
  });

  it('sends no traceparent while tracing is off', async () => {
    const tracing = startTracing('pricing', {});
    await client.lookup('bulk-1', null, null);
    expect(standIn.traceparents.at(-1)).toBeUndefined();
    await tracing.shutdown();
  });
});
