import { hashApiKey } from '@promo/platform';
import { testInfra, uniqueSuffix } from '@promo/platform/testing';
import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';

export const INVENTORY_ADMIN = 'test-admin-key-inventory-for-pricing';
export const INVENTORY_STOREFRONT = 'test-storefront-key-inventory-for-pricing';
/** The key pricing calls code-inventory with, as deployed (#19): code-lookup scope, never admin. */
export const INVENTORY_CODE_LOOKUP = 'test-code-lookup-key-inventory-for-pricing';

export interface InventoryProcess {
  readonly service: ServiceProcess;
  /** code-inventory's admin API, as the merchant (or the test) calls it. */
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

/** A real code-inventory (migrated, then started as its own process) on a schema and topics of its own. */
export async function startInventoryProcess(): Promise<InventoryProcess> {
  const infra = testInfra();
  const env = {
    PG_URL: infra.pgUrl,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}${uniqueSuffix()}:`,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `t-${uniqueSuffix()}.`,
    API_KEYS: `admin:${hashApiKey(INVENTORY_ADMIN)},storefront:${hashApiKey(INVENTORY_STOREFRONT)},code-lookup:${hashApiKey(INVENTORY_CODE_LOOKUP)}`,
    CODE_TOKEN_KEYS: 'test:test-secret-for-code-tokens',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  const migration = startServiceProcess('code-inventory', 'migrate', env);
  const exited = await migration.exited;
  if (exited.code !== 0) throw new Error(`code-inventory migration failed: ${JSON.stringify(exited)}`);
  const service = startServiceProcess('code-inventory', 'main', { ...env, HTTP_PORT: String(await freePort()) });
  await waitUntilReady(service, 90_000);
  return {
    service,
    admin: (method, path, body) =>
      fetch(`${service.baseUrl}${path}`, {
        method,
        headers: { 'x-api-key': INVENTORY_ADMIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    stop: async () => {
      service.child.kill('SIGTERM');
      await service.exited;
    },
  };
}
