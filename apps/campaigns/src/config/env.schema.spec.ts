import { InvalidEnvironmentError, parseEnv } from '@promo/platform';
import { campaignsEnvSchema } from './env.schema';

/** The variables named by the InvalidEnvironmentError that parsing `env` throws. */
function refusedVariables(env: Record<string, string>): string[] {
  let caught: unknown;
  try {
    parseEnv(campaignsEnvSchema, env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidEnvironmentError);
  return (caught as InvalidEnvironmentError).problems.map((p) => p.variable);
}

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

  it.each([
    ['the docker-compose default', 'compose-development-link-signing-key'],
    ['the built-in default, given explicitly', 'local-development-link-signing-key'],
  ])('refuses production with %s link signing key, naming the variable', (_, key) => {
    let caught: unknown;
    try {
      parseEnv(campaignsEnvSchema, { NODE_ENV: 'production', LINK_SIGNING_KEY: key });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEnvironmentError);
    expect((caught as InvalidEnvironmentError).problems).toEqual([{ variable: 'LINK_SIGNING_KEY', reason: 'production needs its own link signing key' }]);
  });

  it('accepts production with a link signing key of its own', () => {
    expect(parseEnv(campaignsEnvSchema, { NODE_ENV: 'production', LINK_SIGNING_KEY: 'a-production-only-secret-0f9c2e' }).LINK_SIGNING_KEY).toBe('a-production-only-secret-0f9c2e');
  });

  it('leases an email claim for 30 s by default, beyond the 10 s SMTP step timeout', () => {
    expect(parseEnv(campaignsEnvSchema, {})).toMatchObject({ EMAIL_CLAIM_LEASE_MS: 30_000, SMTP_TIMEOUT_MS: 10_000 });
  });

  it('refuses a claim lease shorter than twice the SMTP timeout, naming the lease', () => {
    let caught: unknown;
    try {
      parseEnv(campaignsEnvSchema, { EMAIL_CLAIM_LEASE_MS: '15000', SMTP_TIMEOUT_MS: '10000' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEnvironmentError);
    expect((caught as InvalidEnvironmentError).problems.map((p) => p.variable)).toEqual(['EMAIL_CLAIM_LEASE_MS']);
  });

  it('writes amounts in en-US unless STORE_LOCALE names another locale, and refuses one that is not BCP 47', () => {
    expect(parseEnv(campaignsEnvSchema, {}).STORE_LOCALE).toBe('en-US');
    expect(parseEnv(campaignsEnvSchema, { STORE_LOCALE: 'de-DE' }).STORE_LOCALE).toBe('de-DE');
    expect(refusedVariables({ STORE_LOCALE: 'not a locale' })).toEqual(['STORE_LOCALE']);
  });
});
