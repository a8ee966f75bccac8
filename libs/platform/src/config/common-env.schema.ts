import { z } from 'zod';

const url = (protocols: readonly string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a ${protocols.join(' or ')} URL`);

const hostPortList = z
  .string()
  .transform((value) => value.split(',').map((b) => b.trim()).filter((b) => b !== ''))
  .refine((brokers) => brokers.length > 0 && brokers.every((b) => /^[^:\s]+:\d{1,5}$/.test(b)), 'must be host:port[,host:port...]');

const port = z.coerce.number().int().min(1).max(65_535);

/** Variables every service reads; each app's env.schema.ts extends this with its own. Local defaults point at 127.0.0.1. */
export function commonEnvSchema(defaults: { readonly httpPort: number }) {
  return z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HTTP_PORT: port.default(defaults.httpPort),
    /** The HTTP server under Nest (#21: docs/http-adapter.md has the measured comparison). */
    HTTP_ADAPTER: z.enum(['express', 'fastify']).default('express'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PG_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/promotions'),
    PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: z.string().default(''),
    /** A Redis Cluster's nodes (`host:port,…`, some suffice): when set, every Redis client is a cluster client and REDIS_URL is not used. */
    REDIS_CLUSTER_NODES: hostPortList.optional(),
    KAFKA_BROKERS: hostPortList.default('127.0.0.1:19092'),
    /** Prepended to every consumed topic name and its dead letters (libs/messaging topics.ts); tests give each run topics of its own. */
    KAFKA_TOPIC_PREFIX: z.string().default(''),
    KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
    /** Comma-separated `scope:sha256hex` pairs; keys themselves are never configured in clear. */
    API_KEYS: z.string().default(''),
    /** How often the keys of platform.api_keys (npm run keys) are re-read: the bound on a revocation taking effect. 0: API_KEYS only. */
    API_KEYS_REFRESH_MS: z.coerce.number().int().min(0).max(300_000).default(5_000),
    /** The longest /metrics reuses the dependency checks' answers (dependency_up): scrapes never check more often. */
    DEPENDENCY_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(25_000),
    /** `system`: wall time. `event-time`: the greatest record timestamp consumed so far (replays of recorded streams). */
    CLOCK_MODE: z.enum(['system', 'event-time']).default('system'),
    /** Where an event-time clock starts before the first record (RFC 3339). */
    CLOCK_START: z.string().datetime({ offset: true }).optional(),
    /** OTLP/HTTP collector base URL (`http://otel-collector:4318`; spans go to `/v1/traces`). Unset or empty: tracing is off and costs nothing. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess((value) => (value === '' ? undefined : value), url(['http:', 'https:']).optional()),
    /** The `service.name` of this service's spans; the service's own name (`pricing`, …) when unset. */
    OTEL_SERVICE_NAME: z.string().trim().min(1).max(100).optional(),
  });
}

export type CommonEnv = z.infer<ReturnType<typeof commonEnvSchema>>;
