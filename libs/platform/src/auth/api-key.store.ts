import { hash, timingSafeEqual } from 'node:crypto';
import { API_KEY_SCOPES, type ApiKeyScope } from './api-key-scope';

/** Injection token for the ApiKeyStore. */
export const API_KEY_STORE = Symbol('API_KEY_STORE');

export interface ApiKeyStore {
  /** The scope of a presented key, or undefined when the key is unknown or revoked. */
  scopeOf(presentedKey: string): ApiKeyScope | undefined;
}

export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** The same digest as bytes: the guard hashes the presented key on every request, so no hex round trip and the one-shot hash. */
function digestOf(key: string): Buffer {
  return hash('sha256', key, 'buffer');
}

/**
 * Keys configured as `scope:sha256hex` pairs (the API_KEYS variable): only hashes are held, and a
 * presented key is compared by hash in constant time.
 */
export class HashedApiKeyStore implements ApiKeyStore {
  private readonly entries: readonly { readonly hash: Buffer; readonly scope: ApiKeyScope }[];

  constructor(entries: readonly { readonly hash: string; readonly scope: ApiKeyScope }[]) {
    this.entries = entries.map((e) => ({ hash: Buffer.from(e.hash, 'hex'), scope: e.scope }));
  }

  static parse(config: string): HashedApiKeyStore {
    const entries = config
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((item) => {
        const [scope, hash] = item.split(':');
        if (!API_KEY_SCOPES.includes(scope as ApiKeyScope) || !hash || !/^[0-9a-f]{64}$/.test(hash)) {
          throw new Error(`API_KEYS entry "${item.slice(0, 12)}…" must be <${API_KEY_SCOPES.join('|')}>:<sha256 hex>`);
        }
        return { scope: scope as ApiKeyScope, hash };
      });
    return new HashedApiKeyStore(entries);
  }

  scopeOf(presentedKey: string): ApiKeyScope | undefined {
    const presented = digestOf(presentedKey);
    let found: ApiKeyScope | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.hash, presented)) found = entry.scope;
    }
    return found;
  }
}
