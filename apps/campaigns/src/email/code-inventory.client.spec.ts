import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEnv } from '@promo/platform';
import { campaignsEnvSchema } from '../config/env.schema';
import { CodeInventoryClient, CodeInventoryUnavailableError } from './code-inventory.client';

/** A stand-in code-inventory on a local port whose answer each test sets; counts the calls that reach it. */
class StandInCodeInventory {
  calls = 0;
  answer: (response: ServerResponse) => void = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"C-1","token":null}');
  private readonly server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    this.calls += 1;
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

describe('CodeInventoryClient (#19.9: timeout and circuit breaker)', () => {
  const standIn = new StandInCodeInventory();
  let url: string;
  const clientWith = (env: Record<string, string> = {}): CodeInventoryClient =>
    new CodeInventoryClient(parseEnv(campaignsEnvSchema, { CODE_INVENTORY_URL: url, CODE_INVENTORY_TIMEOUT_MS: '200', CODE_INVENTORY_BREAKER_THRESHOLD: '3', CODE_INVENTORY_BREAKER_OPEN_MS: '300', ...env }));

  beforeAll(async () => {
    url = await standIn.start();
  });

  afterAll(() => standIn.stop());

  beforeEach(() => {
    standIn.calls = 0;
    standIn.answer = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"C-1","token":null}');
  });

  it('gives up on a code-inventory that never answers after CODE_INVENTORY_TIMEOUT_MS, as unavailable (the email stays queued)', async () => {
    standIn.answer = () => undefined; // accepts the request and never answers
    const started = performance.now();
    const outcome = await settleWithin(clientWith().issue('WINBACK', 'cu-1', 'first'), 2_000);
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
    standIn.answer = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"C-9","token":"t"}');
    await expect(client.issue('WINBACK', 'cu-trial', 'first')).resolves.toEqual({ code: 'C-9', token: 't' });
    await expect(client.issue('WINBACK', 'cu-after', 'first')).resolves.toEqual({ code: 'C-9', token: 't' });
    expect(standIn.calls).toBe(5);
  });

  it('does not count a 4xx refusal or an unknown group (404) against code-inventory', async () => {
    const client = clientWith();
    standIn.answer = (response) => response.writeHead(404).end();
    for (let i = 0; i < 3; i += 1) await expect(client.issue('NO-SUCH-GROUP', `cu-${i}`, 'first')).resolves.toEqual({ code: null, token: null });
    standIn.answer = (response) => response.writeHead(400).end();
    for (let i = 0; i < 3; i += 1) await expect(client.issue('WINBACK', `cu-${i}`, 'first')).rejects.toThrow('code-inventory refused the issue: 400');
    expect(client.breaker.isOpen).toBe(false);
    expect(standIn.calls).toBe(6);
  });
});
