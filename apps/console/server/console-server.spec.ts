import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type ConsoleServer, startConsoleServer } from './console-server';

describe('startConsoleServer', () => {
  let upstream: http.Server;
  let elsewhere: http.Server;
  let elsewhereHost: string;
  const seenElsewhere: string[] = [];
  let server: ConsoleServer;
  const seen: { url: string; key: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    upstream = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ url: request.url ?? '', key: request.headers['x-api-key'] as string | undefined, body });
        if (request.url === '/v1/jobs/j1/events') {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          response.write('event: progress\ndata: {"done":1}\n\n');
          setTimeout(() => response.end('event: progress\ndata: {"done":2}\n\n'), 50);
          return;
        }
        response.writeHead(201, { 'content-type': 'application/json', etag: '"3"' });
        response.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    // A host that is none of the four services (a cloud metadata endpoint, an attacker's server).
    elsewhere = http.createServer((request, response) => {
      seenElsewhere.push(`${request.url ?? ''} key=${String(request.headers['x-api-key'])}`);
      response.end('reached');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    elsewhereHost = `127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    const target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const dist = mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
    server = await startConsoleServer({ port: 0, staticDir: dist, targets: { pricing: target, 'code-inventory': target, 'redemption-ledger': 'http://127.0.0.1:9', campaigns: target } });
  });

  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => upstream.close(resolve));
    await new Promise((resolve) => elsewhere.close(resolve));
  });

  it('reaches only the service, whatever the path after /api/<service> says (#19 hole 2)', async () => {
    const paths = [`/api/pricing//${elsewhereHost}/latest`, `/api/pricing/\\${elsewhereHost}/latest`, `/api/pricing/\\/${elsewhereHost}/latest`, `/api/campaigns//x@${elsewhereHost}/latest`];
    for (const requestPath of paths) {
      // node:http sends the path as written (fetch would turn the backslashes into slashes).
      const status = await new Promise<number>((resolve, reject) => {
        const { hostname, port } = new URL(server.url);
        const call = http.request({ hostname, port, path: requestPath, headers: { 'x-api-key': 'k-secret' } }, (answer) => {
          answer.resume();
          answer.on('end', () => resolve(answer.statusCode ?? 0));
        });
        call.on('error', reject);
        call.end();
      });
      expect({ requestPath, status }).toEqual({ requestPath, status: 201 });
    }
    expect(seenElsewhere).toEqual([]);
    expect(seen.slice(-paths.length).map((call) => call.url)).toEqual([`//${elsewhereHost}/latest`, `//${elsewhereHost}/latest`, `///${elsewhereHost}/latest`, `//x@${elsewhereHost}/latest`]);
  });

  it('proxies a call without the /api/<service> prefix, with its key, body and answer headers', async () => {
    const response = await fetch(`${server.url}/api/pricing/v1/promotions?q=x`, { method: 'POST', headers: { 'x-api-key': 'k1', 'content-type': 'application/json' }, body: '{"id":"p"}' });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"3"');
    expect(await response.json()).toEqual({ ok: true });
    expect(seen.at(-1)).toEqual({ url: '/v1/promotions?q=x', key: 'k1', body: '{"id":"p"}' });
  });

  it('streams server-sent events as they come, not when the stream ends', async () => {
    const response = await fetch(`${server.url}/api/code-inventory/v1/jobs/j1/events`);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('event: progress\ndata: {"done":1}\n\n');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('event: progress\ndata: {"done":2}\n\n');
  });

  it('answers 502 problem+json when a service is down', async () => {
    const response = await fetch(`${server.url}/api/redemption-ledger/v1/statistics/orders`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ status: 502, detail: expect.stringContaining('127.0.0.1:9') });
  });

  it('serves index.html for the app and any route that is not a file', async () => {
    for (const route of ['/', '/promotions/x']) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>console</title>');
    }
  });
});
