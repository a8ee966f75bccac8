import http from 'node:http';
import { ADMIN_KEY, type InventoryApp, startInventoryApp } from './support/inventory-app';

/** One GET on `agent`, with whether it went out on a socket an earlier request had used. */
function get(agent: http.Agent, url: string): Promise<{ status: number; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { 'x-api-key': ADMIN_KEY } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, reusedSocket: request.reusedSocket }));
    });
    request.on('error', reject);
  });
}

// Every service's HTTP pipeline (libs/platform configureHttpApp) keeps an idle connection open longer than Node's
// default 5 s, which load balancers (60 s idle) and busy clients outlive: closing first made their next request fail.
describe('kept-alive connections (HTTP pipeline of every service)', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp();
  });

  afterAll(async () => {
    await inventory.close();
  });

  it('answers a request on a connection left idle for longer than Node’s default 5 s, on the same socket', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const url = `${inventory.baseUrl}/v1/groups`;
      expect(await get(agent, url)).toEqual({ status: 200, reusedSocket: false });
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      expect(await get(agent, url)).toEqual({ status: 200, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  }, 30_000);

  it('tells clients how long it keeps an idle connection (Keep-Alive: timeout=65)', async () => {
    const response = await fetch(`${inventory.baseUrl}/v1/groups`, { headers: { 'x-api-key': ADMIN_KEY } });
    await response.arrayBuffer();
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });
});
