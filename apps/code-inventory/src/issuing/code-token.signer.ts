import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenKey {
  readonly id: string;
  readonly secret: string;
}

/**
 * C10: the signed token of an email-bound code, `<keyId>.<payload>.<signature>` (base64url), where the
 * payload names the normalized code and the customer and the signature is HMAC-SHA256 over
 * `<keyId>.<payload>`. The key id makes rotation possible: the active key signs, every listed key verifies.
 */
export class CodeTokenSigner {
  private readonly keys: ReadonlyMap<string, string>;

  constructor(
    keys: readonly TokenKey[],
    private readonly activeKeyId: string,
  ) {
    this.keys = new Map(keys.map((key) => [key.id, key.secret]));
    if (!this.keys.has(activeKeyId)) throw new Error(`the active token key "${activeKeyId}" is not configured`);
  }

  /** Parses `kid:secret,kid:secret` (CODE_TOKEN_KEYS); the active key defaults to the first. */
  static fromConfig(pairs: readonly string[], activeKeyId: string | undefined): CodeTokenSigner {
    const keys = pairs.map((pair) => {
      const separator = pair.indexOf(':');
      return { id: pair.slice(0, separator), secret: pair.slice(separator + 1) };
    });
    const first = keys[0];
    if (first === undefined) throw new Error('CODE_TOKEN_KEYS names no key');
    return new CodeTokenSigner(keys, activeKeyId ?? first.id);
  }

  sign(normalizedCode: string, customerId: string): string {
    const payload = Buffer.from(JSON.stringify([normalizedCode, customerId]), 'utf8').toString('base64url');
    return `${this.activeKeyId}.${payload}.${this.signature(this.activeKeyId, payload)}`;
  }

  /** True only when the signature is good under a configured key and the token names this code and this customer. */
  verify(token: string, normalizedCode: string, customerId: string | null): boolean {
    const [keyId, payload, signature, ...rest] = token.split('.');
    if (keyId === undefined || payload === undefined || signature === undefined || rest.length > 0 || customerId === null) return false;
    const expected = this.keys.has(keyId) ? this.signature(keyId, payload) : null;
    if (expected === null) return false;
    const given = Buffer.from(signature, 'base64url');
    const wanted = Buffer.from(expected, 'base64url');
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return false;
    const named = parsePayload(payload);
    return named !== null && named.code === normalizedCode && named.customerId === customerId;
  }

  private signature(keyId: string, payload: string): string {
    const secret = this.keys.get(keyId);
    if (secret === undefined) throw new Error(`token key "${keyId}" is not configured`);
    return createHmac('sha256', secret).update(`${keyId}.${payload}`).digest('base64url');
  }
}

function parsePayload(payload: string): { readonly code: string; readonly customerId: string } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null; // a signed payload is always JSON; anything else is simply not a valid token
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [code, customerId]: unknown[] = parsed;
  return typeof code === 'string' && typeof customerId === 'string' ? { code, customerId } : null;
}
