import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Clock, configureHttpApp, createHttpAdapter, hashApiKey, parseEnv } from '@promo/platform';
import { testInfra, uniqueSuffix } from '@promo/platform/testing';
import { migrateService } from '@promo/service-runtime';
import { Pool } from 'pg';
import { AppModule, CODE_INVENTORY_SCHEMA, CODE_INVENTORY_SERVICE } from '../../src/app.module';
import { type CodeInventoryConfig, codeInventoryEnvSchema } from '../../src/config/env.schema';
import { codeInventoryMigrations } from '../../src/migrations';

export const ADMIN_KEY = 'test-admin-key-code-inventory';
export const STOREFRONT_KEY = 'test-storefront-key-code-inventory';

export interface InventoryApp {
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly config: CodeInventoryConfig;
  /** A pool of its own for the test's SQL checks. */
  readonly sql: Pool;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  storefront(method: string, path: string): Promise<Response>;
  close(): Promise<void>;
}

/** The environment of a test's service: real Postgres, Redis (a prefix of its own) and Kafka. */
export function inventoryEnv(overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
  const infra = testInfra();
  return {
    PG_URL: infra.pgUrl,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}${uniqueSuffix()}:`,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `t-${uniqueSuffix()}.`,
    API_KEYS: `admin:${hashApiKey(ADMIN_KEY)},storefront:${hashApiKey(STOREFRONT_KEY)}`,
    CODE_TOKEN_KEYS: 'test:test-secret-for-code-tokens',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    ...overrides,
  };
}

export async function migrateInventory(env: Readonly<Record<string, string>>): Promise<void> {
  await migrateService({ service: CODE_INVENTORY_SERVICE, schema: CODE_INVENTORY_SCHEMA, envSchema: codeInventoryEnvSchema, env, migrations: codeInventoryMigrations });
}

/** Boots the app in-process on a free port after applying its migrations. */
export async function startInventoryApp(overrides: Readonly<Record<string, string>> = {}, clock?: Clock): Promise<InventoryApp> {
  const env = inventoryEnv(overrides);
  await migrateInventory(env);
  const config = parseEnv(codeInventoryEnvSchema, env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, clock)] }).compile();
  const app = configureHttpApp(moduleRef.createNestApplication(await createHttpAdapter(config.HTTP_ADAPTER), { bufferLogs: true }));
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const sql = new Pool({ connectionString: config.PG_URL, max: 2, options: `-c search_path=${CODE_INVENTORY_SCHEMA}` });
  const call = (key: string) => (method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    app,
    baseUrl,
    config,
    sql,
    admin: call(ADMIN_KEY),
    storefront: (method, path) => call(STOREFRONT_KEY)(method, path),
    close: async () => {
      await sql.end();
      await app.close();
    },
  };
}
