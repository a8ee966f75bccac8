import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { ADMIN_KEY } from './inventory-app';

/** Starts code-inventory as its own process on a free port (noted in `running` for the suite's cleanup); resolves once ready. */
export async function startInventoryProcess(env: Readonly<Record<string, string>>, running: ServiceProcess[]): Promise<ServiceProcess> {
  const service = startServiceProcess('code-inventory', 'main', { ...env, HTTP_PORT: String(await freePort()) });
  running.push(service);
  await waitUntilReady(service);
  return service;
}

/** An admin-scope call to a started process. */
export function adminCall(service: ServiceProcess, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${service.baseUrl}${path}`, { method, headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}
