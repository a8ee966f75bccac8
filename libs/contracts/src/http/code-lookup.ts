import { isPlainObject, isNullableString } from './json-guards';

/** A code's state as code-inventory answers it; `disabled` also while its promotion is not live (C9). */
export type CodeState = 'available' | 'issued' | 'redeemed' | 'disabled';

const CODE_STATES: ReadonlySet<string> = new Set<CodeState>(['available', 'issued', 'redeemed', 'disabled']);

export function isCodeState(value: unknown): value is CodeState {
  return typeof value === 'string' && CODE_STATES.has(value);
}

/**
 * C2, C8-C10: code-inventory's answer to `GET /v1/codes/{code}?customerId=&token=` (docs/internal-apis.md), asked by
 * pricing for a code its index does not hold. 404 when no such code.
 */
export interface CodeLookupAnswer {
  /** As stored (the case it was created or uploaded in). */
  readonly code: string;
  readonly normalizedCode: string;
  readonly promotionId: string;
  readonly groupId: string | null;
  readonly state: CodeState;
  readonly hidden: boolean;
  /**
   * Whether the code is bound to a customer (C10). Whom to stays inside: this answers any storefront key, and a
   * customer id is personal data (#19); `tokenValid` says whether the caller's token and customer match.
   */
  readonly isBound: boolean;
  /** null when no token was given; true only for a good token naming this code and customer. */
  readonly tokenValid: boolean | null;
}

/** Validates a lookup answer (never trusted as typed): undefined when it is not the shape above. */
export function parseCodeLookupAnswer(body: unknown): CodeLookupAnswer | undefined {
  if (!isPlainObject(body)) return undefined;
  const { code, normalizedCode, promotionId, groupId, state, hidden, isBound, tokenValid } = body;
  if (typeof code !== 'string' || typeof normalizedCode !== 'string' || typeof promotionId !== 'string' || !isNullableString(groupId)) return undefined;
  if (!isCodeState(state) || typeof hidden !== 'boolean' || typeof isBound !== 'boolean') return undefined;
  if (tokenValid !== null && typeof tokenValid !== 'boolean') return undefined;
  return { code, normalizedCode, promotionId, groupId, state, hidden, isBound, tokenValid };
}
