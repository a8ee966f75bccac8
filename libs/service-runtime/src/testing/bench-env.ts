import { hashApiKey } from '@promo/platform';

export const BENCH_ADMIN_KEY = 'bench-admin-key';
export const BENCH_STOREFRONT_KEY = 'bench-storefront-key';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through \`npm run bench\``);
  return value;
}

/**
 * What a benchmark's services share with the run (`npm run bench` sets it): Postgres, Redis under a key prefix
 * of their own (`suffix`), Kafka, and an admin and a storefront key.
 */
export function benchServiceEnv(suffix: string): Record<string, string> {
  return {
    PG_URL: required('PG_URL'),
    REDIS_URL: required('REDIS_URL'),
    REDIS_KEY_PREFIX: `${process.env['REDIS_KEY_PREFIX'] ?? 'bench:'}${suffix}:`,
    KAFKA_BROKERS: required('KAFKA_BROKERS'),
    API_KEYS: `admin:${hashApiKey(BENCH_ADMIN_KEY)},storefront:${hashApiKey(BENCH_STOREFRONT_KEY)}`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
}
