import { randomBytes } from 'node:crypto';

/**
 * The infrastructure addresses of a test run, set by `npm test` (tools/dev/test.mjs). A missing one
 * fails loudly: integration tests never fall back to stand-ins.
 */
export function testInfra(): { readonly pgUrl: string; readonly redisUrl: string; readonly redisKeyPrefix: string; readonly kafkaBrokers: readonly string[]; readonly smtpUrl: string | undefined } {
  const required = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run integration tests through \`npm test\`, which starts Postgres, Redis and Kafka`);
    return value;
  };
  return {
    pgUrl: required('PG_URL'),
    redisUrl: required('REDIS_URL'),
    redisKeyPrefix: process.env['REDIS_KEY_PREFIX'] ?? 'test:',
    kafkaBrokers: required('KAFKA_BROKERS').split(','),
    smtpUrl: process.env['SMTP_URL'],
  };
}

/** A short random suffix for names that must not collide between tests (topics, groups, schemas, prefixes). */
export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}
