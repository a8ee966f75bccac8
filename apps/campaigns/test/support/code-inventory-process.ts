import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashApiKey } from '@promo/platform';
import { testInfra, uniqueSuffix } from '@promo/platform/testing';
import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { createTestDatabase, dropTestDatabase } from './campaigns-test-env';

const INVENTORY_ADMIN_KEY = 'code-inventory-test-admin-key';
const INVENTORY_STOREFRONT_KEY = 'code-inventory-test-storefront-key';
/** The key campaigns issue codes with, as deployed (#19): code-issue scope only, never admin. */
const INVENTORY_CODE_ISSUE_KEY = 'code-inventory-test-code-issue-key';

export interface RunningCodeInventory {
  readonly process: ServiceProcess;
  readonly baseUrl: string;
  /** What campaigns needs to call it (CODE_INVENTORY_URL, CODE_INVENTORY_API_KEY). */
  readonly campaignsEnv: Readonly<Record<string, string>>;
  /** Looks a code up as the storefront would, with the customer and the email link's token. */
  lookUp(code: string, customerId: string, token: string): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The real code-inventory service (issue 8) as its own process, on its own database, with the
 * streams README's `WINBACK` group uploaded from winback-codes.txt.
 */
export async function startCodeInventory(): Promise<RunningCodeInventory> {
  const infra = testInfra();
  const suffix = uniqueSuffix();
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HTTP_PORT: String(port),
    PG_URL: await createTestDatabase(),
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}${suffix}:`,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `campaigns-test-inventory-${suffix}.`,
    API_KEYS: `admin:${hashApiKey(INVENTORY_ADMIN_KEY)},storefront:${hashApiKey(INVENTORY_STOREFRONT_KEY)},code-issue:${hashApiKey(INVENTORY_CODE_ISSUE_KEY)}`,
  };
  const migration = startServiceProcess('code-inventory', 'migrate', env);
  const migrated = await migration.exited;
  if (migrated.code !== 0) throw new Error(`code-inventory migration failed:\n${migration.output().slice(-2_000)}`);
  const service = startServiceProcess('code-inventory', 'main', env);
  await waitUntilReady(service);
  const admin = async (method: string, urlPath: string, body: unknown): Promise<Response> =>
    fetch(`${service.baseUrl}${urlPath}`, { method, headers: { 'x-api-key': INVENTORY_ADMIN_KEY, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const group = await admin('POST', '/v1/groups', { groupId: 'WINBACK', name: 'Win back', promotionId: 'promo-winback' });
  if (group.status !== 201 && group.status !== 200) throw new Error(`WINBACK group not created: ${group.status} ${await group.text()}`);
  const codes = readFileSync(path.join(__dirname, '..', 'fixtures', 'streams', 'winback-codes.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const upload = await admin('POST', '/v1/groups/WINBACK/codes', { codes });
  if (upload.status !== 200 && upload.status !== 201) throw new Error(`WINBACK codes not uploaded: ${upload.status} ${await upload.text()}`);
  return {
    process: service,
    baseUrl: service.baseUrl,
    campaignsEnv: { CODE_INVENTORY_URL: service.baseUrl, CODE_INVENTORY_API_KEY: INVENTORY_CODE_ISSUE_KEY },
    async lookUp(code, customerId, token) {
      const query = new URLSearchParams({ customerId, token });
      const response = await fetch(`${service.baseUrl}/v1/codes/${encodeURIComponent(code)}?${query.toString()}`, { headers: { 'x-api-key': INVENTORY_STOREFRONT_KEY } });
      return response.json();
    },
    async stop() {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGTERM');
        await service.exited;
      }
      await dropTestDatabase(env['PG_URL'] ?? '');
    },
  };
}
