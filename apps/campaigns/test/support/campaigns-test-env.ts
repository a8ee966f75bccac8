import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createKafka } from '@promo/messaging';
import { type Clock, configureHttpApp, hashApiKey, parseEnv } from '@promo/platform';
import { createTestDatabase as createDatabaseWithPrefix, dropTestDatabase as dropDatabaseWithPrefix, testInfra, uniqueSuffix } from '@promo/platform/testing';
import { migrateService } from '@promo/service-runtime';
import type { Admin } from 'kafkajs';
import { AppModule, CAMPAIGNS_SCHEMA, CAMPAIGNS_SERVICE, campaignsEntities } from '../../src/app.module';
import { type CampaignsConfig, campaignsEnvSchema } from '../../src/config/env.schema';
import { campaignsMigrations } from '../../src/migrations';

export const ADMIN_KEY = 'campaigns-test-admin-key';

const DATABASE_PREFIX = 'campaigns_test';

/** A database of its own for one test file (STYLE.md: a fresh database per run), returning its URL. */
export const createTestDatabase = (): Promise<string> => createDatabaseWithPrefix(DATABASE_PREFIX);

/** Drops a database made by createTestDatabase (its connections closed first). */
export const dropTestDatabase = (url: string): Promise<void> => dropDatabaseWithPrefix(url, DATABASE_PREFIX);

/** The environment of one campaigns instance on its own database, Redis prefix, topics and consumer group. */
export type CampaignsTestEnv = Record<string, string> & { readonly PG_URL: string; readonly KAFKA_TOPIC_PREFIX: string; readonly KAFKA_GROUP_ID: string };

export function campaignsTestEnv(pgUrl: string, suffix = uniqueSuffix()): CampaignsTestEnv {
  const infra = testInfra();
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['CAMPAIGNS_TEST_LOG_LEVEL'] ?? 'warn',
    PG_URL: pgUrl,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}${suffix}:`,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `campaigns-test-${suffix}.`,
    KAFKA_GROUP_ID: `campaigns-test-${suffix}`,
    SMTP_URL: infra.smtpUrl ?? 'smtp://127.0.0.1:1025',
    API_KEYS: `admin:${hashApiKey(ADMIN_KEY)}`,
    DECIDER_INTERVAL_MS: '200',
    SMTP_RETRY_BASE_MS: '50',
  };
}

export async function migrate(env: Record<string, string>): Promise<void> {
  await migrateService({ service: CAMPAIGNS_SERVICE, schema: CAMPAIGNS_SCHEMA, envSchema: campaignsEnvSchema, env, entities: campaignsEntities, migrations: campaignsMigrations });
}

export interface RunningCampaigns {
  readonly app: INestApplication;
  readonly config: CampaignsConfig;
  readonly baseUrl: string;
}

/** Boots the app in-process, as main.ts does, with the given clock. */
export async function startCampaigns(env: Record<string, string>, clock: Clock): Promise<RunningCampaigns> {
  const config = parseEnv(campaignsEnvSchema, env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, clock)] }).compile();
  const app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
  app.enableShutdownHooks();
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A start that failed half-way leaves loops running (the decider, the relay) that outlive the suite: stop them.
    await app.close().catch(() => undefined);
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { app, config, baseUrl: `http://127.0.0.1:${port}` };
}

export function testKafkaAdmin(): Admin {
  return createKafka({ clientId: `campaigns-test-${uniqueSuffix()}`, brokers: testInfra().kafkaBrokers }).admin();
}

/** An admin request to the app. */
export async function adminRequest(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ readonly status: number; readonly body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'x-api-key': ADMIN_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}
