import { InvalidEnvironmentError, parseEnv } from '@promo/platform';
import { campaignsEnvSchema } from './env.schema';

describe('campaignsEnvSchema', () => {
  it('fills the local defaults', () => {
    expect(parseEnv(campaignsEnvSchema, {})).toMatchObject({ HTTP_PORT: 3004, KAFKA_GROUP_ID: 'campaigns', KAFKA_TOPIC_PREFIX: '', SMTP_URL: 'smtp://127.0.0.1:1025' });
  });

  it('refuses production with the development link signing key, naming the variable', () => {
    let caught: unknown;
    try {
      parseEnv(campaignsEnvSchema, { NODE_ENV: 'production' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEnvironmentError);
    expect((caught as InvalidEnvironmentError).problems.map((p) => p.variable)).toEqual(['LINK_SIGNING_KEY']);
  });
});
