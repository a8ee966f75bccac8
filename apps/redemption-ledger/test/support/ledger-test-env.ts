import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createKafka } from '@promo/messaging';
import { type Clock, configureHttpApp, createHttpAdapter, createRedisConnection, hashApiKey, isRedisCluster, parseClusterNodes, parseEnv, type RedisClient } from '@promo/platform';
import { createTestDatabase as createDatabaseWithPrefix, dropTestDatabase as dropDatabaseWithPrefix, testInfra, uniqueSuffix } from '@promo/platform/testing';
import { migrateService } from '@promo/service-runtime';
import type { Producer } from 'kafkajs';
import { Client } from 'pg';
import { AppModule, REDEMPTION_LEDGER_SCHEMA, REDEMPTION_LEDGER_SERVICE } from '../../src/app.module';
import { type RedemptionLedgerConfig, redemptionLedgerEnvSchema } from '../../src/config/env.schema';
import { redemptionLedgerMigrations } from '../../src/migrations';

export const ADMIN_KEY = 'ledger-test-admin-key';
export const STOREFRONT_KEY = 'ledger-test-storefront-key';

const DATABASE_PREFIX = 'ledger_test';

/** A database of its own for one test file (STYLE.md: a fresh database per run), returning its URL. */
export const createTestDatabase = (): Promise<string> => createDatabaseWithPrefix(DATABASE_PREFIX);

/** Drops a database made by createTestDatabase (its connections closed first). */
export const dropTestDatabase = (url: string): Promise<void> => dropDatabaseWithPrefix(url, DATABASE_PREFIX);

/** One ledger instance's environment: its own database, Redis prefix, topics and consumer group. */
export function ledgerTestEnv(pgUrl: string, suffix = uniqueSuffix(), extra: Record<string, string> = {}): Record<string, string> {
  const infra = testInfra();
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PG_URL: pgUrl,
    PG_POOL_SIZE: '20',
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}${suffix}:`,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `ledger-test-${suffix}.`,
    KAFKA_GROUP_ID: `ledger-test-${suffix}`,
    KAFKA_TOPIC_PARTITIONS: '2',
    API_KEYS: `admin:${hashApiKey(ADMIN_KEY)},storefront:${hashApiKey(STOREFRONT_KEY)}`,
    EXPIRY_SWEEP_INTERVAL_MS: '100',
    SENTINEL_CHECK_INTERVAL_MS: '100',
    ...extra,
  };
}

export async function migrate(env: Record<string, string>): Promise<void> {
  await migrateService({ service: REDEMPTION_LEDGER_SERVICE, schema: REDEMPTION_LEDGER_SCHEMA, envSchema: redemptionLedgerEnvSchema, env, migrations: redemptionLedgerMigrations });
}

export interface RunningLedger {
  readonly app: INestApplication;
  readonly config: RedemptionLedgerConfig;
  readonly baseUrl: string;
}

/** Boots the app in-process, as main.ts does, with the given clock. */
export async function startLedger(env: Record<string, string>, clock?: Clock): Promise<RunningLedger> {
  const config = parseEnv(redemptionLedgerEnvSchema, env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, clock)] }).compile();
  const app = configureHttpApp(moduleRef.createNestApplication(await createHttpAdapter(config.HTTP_ADAPTER), { bufferLogs: true }));
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const address: unknown = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null && 'port' in address && typeof address.port === 'number' ? address.port : 0;
  return { app, config, baseUrl: `http://127.0.0.1:${port}` };
}

/** A Redis client on the ledger's own keys (the same prefix the app uses). */
export function ledgerRedis(env: Record<string, string>): RedisClient {
  const keyPrefix = `${env['REDIS_KEY_PREFIX'] ?? ''}${REDEMPTION_LEDGER_SERVICE}:`;
  return createRedisConnection({ url: testInfra().redisUrl, clusterNodes: parseClusterNodes(env['REDIS_CLUSTER_NODES']) }, { keyPrefix, maxRetriesPerRequest: 3 });
}

export async function testProducer(): Promise<Producer> {
  const producer = createKafka({ clientId: `ledger-test-${uniqueSuffix()}`, brokers: testInfra().kafkaBrokers }).producer();
  await producer.connect();
  return producer;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export async function request(baseUrl: string, key: string, method: string, path: string, body?: unknown): Promise<HttpAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** A SQL client on the test database, for assertions on what Postgres holds. */
export async function sqlClient(pgUrl: string): Promise<Client> {
  const client = new Client({ connectionString: pgUrl, options: `-c search_path=${REDEMPTION_LEDGER_SCHEMA}` });
  await client.connect();
  return client;
}

/** Deletes every key of a ledger's Redis client prefix (its own keys only: the Redis is shared). A test cluster is wiped whole instead. */
export async function deleteLedgerKeys(redis: RedisClient): Promise<void> {
  if (isRedisCluster(redis)) return;
  await redis.eval(`for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('UNLINK', key) end return 1`, 0, `${redis.options.keyPrefix ?? ''}*`);
}

/** Deletes the topics a test ledger created for itself (its consumed topics and their dead-letter topics). */
export async function deleteLedgerTopics(topicPrefix: string): Promise<void> {
  const admin = createKafka({ clientId: `ledger-test-${uniqueSuffix()}`, brokers: testInfra().kafkaBrokers }).admin();
  await admin.connect();
  try {
    const own = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
    if (own.length > 0) await admin.deleteTopics({ topics: own });
  } finally {
    await admin.disconnect();
  }
}
