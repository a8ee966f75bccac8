/** What code-inventory says about a code it holds (internal-apis.md `GET /v1/codes/{code}`). */
export interface CodeRecord {
  readonly promotionId: string | null;
  readonly state: 'available' | 'issued' | 'redeemed' | 'disabled';
  /** Bound to a customer (C10): it applies only with a valid token. */
  readonly isBound: boolean;
  /** null when no token was given; true only for a good token naming this code and customer. */
  readonly tokenValid: boolean | null;
}

export type CodeLookup = { readonly kind: 'found'; readonly record: CodeRecord } | { readonly kind: 'not_found' } | { readonly kind: 'unavailable' };

const STATES = new Set(['available', 'issued', 'redeemed', 'disabled']);

function isRecordObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nullableString(value: unknown): value is string | null {
  return value === null || value === undefined || typeof value === 'string';
}

/** Validates a lookup body (never trusted as typed): undefined when it is not the agreed shape. */
export function parseCodeRecord(body: unknown): CodeRecord | undefined {
  if (!isRecordObject(body)) return undefined;
  const { promotionId, state, isBound, tokenValid } = body;
  if (!nullableString(promotionId) || typeof isBound !== 'boolean') return undefined;
  if (typeof state !== 'string' || !STATES.has(state)) return undefined;
  if (tokenValid !== null && tokenValid !== undefined && typeof tokenValid !== 'boolean') return undefined;
  const knownState = state === 'available' || state === 'issued' || state === 'redeemed' ? state : 'disabled';
  return { promotionId: promotionId ?? null, state: knownState, isBound, tokenValid: tokenValid ?? null };
}
