import { commonEnvSchema } from './common-env.schema';
import { InvalidEnvironmentError, parseEnv } from './parse-env';

const schema = commonEnvSchema({ httpPort: 3001 });

describe('parseEnv', () => {
  it('fills the local defaults', () => {
    const config = parseEnv(schema, {});
    expect(config).toMatchObject({ HTTP_PORT: 3001, KAFKA_BROKERS: ['127.0.0.1:19092'], REDIS_URL: 'redis://127.0.0.1:6379', LOG_LEVEL: 'info' });
  });

  it('names every invalid variable at once', () => {
    let caught: unknown;
    try {
      parseEnv(schema, { HTTP_PORT: '99999', PG_URL: 'mysql://x', KAFKA_BROKERS: 'nohost' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEnvironmentError);
    expect((caught as InvalidEnvironmentError).problems.map((p) => p.variable).sort()).toEqual(['HTTP_PORT', 'KAFKA_BROKERS', 'PG_URL']);
  });
});
