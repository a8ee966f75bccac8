import { isNullableString, isPlainObject } from './json-guards';

/** C7/C10: code-inventory's answer to one issue (`POST /v1/groups/{groupId}/issue`, and each of `issue-batch`'s results). */
export interface IssueResult {
  readonly code: string | null;
  readonly issue: 'first' | 'repeat' | null;
  readonly token: string | null;
  readonly promotionId: string | null;
}

/** The most issues one `issue-batch` call takes: one transaction holds their code locks until it commits. */
export const MAX_ISSUE_BATCH = 500;

/**
 * Validates one issue answer: undefined when `code` or `token` is missing or not text/null. `issue` and `promotionId`
 * are read when present and valid (no caller relies on them yet), null otherwise.
 */
export function parseIssueResult(body: unknown): IssueResult | undefined {
  if (!isPlainObject(body)) return undefined;
  const { code, token, issue, promotionId } = body;
  if (!isNullableString(code) || !isNullableString(token)) return undefined;
  return { code, token, issue: issue === 'first' || issue === 'repeat' ? issue : null, promotionId: typeof promotionId === 'string' ? promotionId : null };
}

/** Validates an `issue-batch` answer of `expected` results, in request order: undefined when it is not that. */
export function parseIssueBatchAnswer(body: unknown, expected: number): IssueResult[] | undefined {
  const results = isPlainObject(body) ? body['results'] : undefined;
  if (!Array.isArray(results) || results.length !== expected) return undefined;
  const parsed = results.map(parseIssueResult);
  return parsed.every((result): result is IssueResult => result !== undefined) ? parsed : undefined;
}
