import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Clock, configureHttpApp, createHttpAdapter, hashApiKey, parseEnv } from '@promo/platform';
import { testInfra, uniqueSuffix } from '@promo/platform/testing';
import { migrateService } from '@promo/service-runtime';
import { Pool } from 'pg';
import { AppModule, PRICING_SCHEMA, PRICING_SERVICE } from '../../src/app.module';
import { type PricingConfig, pricingEnvSchema } from '../../src/config/env.schema';
import { pricingMigrations } from '../../src/migrations';

export const ADMIN_KEY = 'test-admin-key-pricing';
export const STOREFRONT_KEY = 'test-storefront-key-pricing';

export interface PricingApp {
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly config: PricingConfig;
  /** A pool of its own for the test's SQL checks. */
  readonly sql: Pool;
  admin(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  storefront(method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** A test's environment: real Postgres, Redis (a prefix of its own), Kafka (topics and groups of its own). */
export function pricingEnv(overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
  const infra = testInfra();
  const suffix = uniqueSuffix();
  return {
    PG_URL: infra.pgUrl,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}${suffix}:`,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PARTITIONS: '2',
    KAFKA_TOPIC_PREFIX: `t-${suffix}.`,
    PRICING_CONSUMER_GROUP: `pricing-test-${suffix}`,
    PRICING_INSTANCE_ID: `test-${suffix}`,
    API_KEYS: `admin:${hashApiKey(ADMIN_KEY)},storefront:${hashApiKey(STOREFRONT_KEY)}`,
    // Nothing listens there unless a test says otherwise: lookups fail fast.
    CODE_INVENTORY_URL: 'http://127.0.0.1:9',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    ...overrides,
  };
}

/** Boots the app in-process on a free port after applying its migrations; resolves once /health/ready is 200. */
export async function startPricingApp(overrides: Readonly<Record<string, string>> = {}, clock?: Clock): Promise<PricingApp> {
  const env = pricingEnv(overrides);
  await migrateService({ service: PRICING_SERVICE, schema: PRICING_SCHEMA, envSchema: pricingEnvSchema, env, migrations: pricingMigrations });
  const config = parseEnv(pricingEnvSchema, env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, clock)] }).compile();
  const app = configureHttpApp(moduleRef.createNestApplication(await createHttpAdapter(config.HTTP_ADAPTER), { bufferLogs: true }));
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const sql = new Pool({ connectionString: config.PG_URL, max: 2, options: `-c search_path=${PRICING_SCHEMA}` });
  const call = (key: string) => (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    app,
    baseUrl,
    config,
    sql,
    admin: call(ADMIN_KEY),
    storefront: (method, path, body) => call(STOREFRONT_KEY)(method, path, body),
    close: async () => {
      await sql.end();
      await app.close();
    },
  };
}

/** One pricing app with the default test environment for a describe block: started before its tests, closed after. */
export function pricingAppPerSuite(): () => PricingApp {
  let pricing: PricingApp | undefined;
  beforeAll(async () => {
    pricing = await startPricingApp();
  }, 60_000);
  afterAll(async () => {
    await pricing?.close();
  }, 30_000);
  return () => {
    if (pricing === undefined) throw new Error('the pricing app is not started yet');
    return pricing;
  };
}
