import { InvalidEnvironmentError, parseEnv } from '@promo/platform';
import { codeInventoryEnvSchema } from './env.schema';

function problemsOf(env: Record<string, string>): unknown {
  try {
    parseEnv(codeInventoryEnvSchema, env);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

const REFUSED = [{ variable: 'CODE_TOKEN_KEYS', reason: 'production needs its own token keys' }];

describe('codeInventoryEnvSchema in production', () => {
  it('refuses the built-in (and docker-compose) default token key', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual(REFUSED);
    expect(problemsOf({ NODE_ENV: 'production', CODE_TOKEN_KEYS: 'dev:development-only-code-token-key' })).toEqual(REFUSED);
  });

  it('refuses the development secret under any other key id, also beside a key of its own', () => {
    expect(problemsOf({ NODE_ENV: 'production', CODE_TOKEN_KEYS: 'prod:development-only-code-token-key' })).toEqual(REFUSED);
    expect(problemsOf({ NODE_ENV: 'production', CODE_TOKEN_KEYS: 'k2:a-production-only-secret-71be,k1:development-only-code-token-key' })).toEqual(REFUSED);
  });

  it('accepts token keys of its own', () => {
    expect(problemsOf({ NODE_ENV: 'production', CODE_TOKEN_KEYS: 'k2:a-production-only-secret-71be,k1:another-production-secret-9d0a' })).toEqual([]);
  });

  it('keeps the development default outside production', () => {
    expect(parseEnv(codeInventoryEnvSchema, {}).CODE_TOKEN_KEYS).toEqual(['dev:development-only-code-token-key']);
  });
});
