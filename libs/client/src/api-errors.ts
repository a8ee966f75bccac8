/** One entry of a 400 problem's `errors` (STYLE.md "Errors"): the field path as sent, a snake_case reason, a sentence. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
  readonly detail: string;
}

/**
 * A non-2xx answer, read as the application/problem+json document (RFC 9457) the services send. An answer that is
 * not one (a proxy's 502 page) still becomes this error: `type` about:blank and the status as its title.
 */
export class ApiProblemError extends Error {
  override readonly name = 'ApiProblemError';

  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | null,
    readonly errors: readonly FieldProblem[],
    /** The whole problem document, extension members (an upload report, a `reason`) included. */
    readonly problem: Readonly<Record<string, unknown>>,
    /** Which call it answered, e.g. `GET /v1/promotions/p-1`. */
    readonly call: string,
  ) {
    super(`${call} answered ${status} ${title}${detail === null ? '' : `: ${detail}`}`);
  }
}

/** The call did not finish within its timeout (milliseconds), retries and their waits included. */
export class ApiTimeoutError extends Error {
  override readonly name = 'ApiTimeoutError';

  constructor(
    readonly call: string,
    readonly timeoutMs: number,
  ) {
    super(`${call} did not answer within ${timeoutMs} ms`);
  }
}

/** No answer came: the connection failed (refused, reset, DNS). */
export class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError';

  constructor(
    readonly call: string,
    cause: unknown,
  ) {
    super(`${call} got no answer: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldProblemOf(value: unknown): FieldProblem | null {
  if (!isRecord(value)) return null;
  const { field, reason, detail } = value;
  if (typeof field !== 'string' || typeof reason !== 'string') return null;
  return { field, reason, detail: typeof detail === 'string' ? detail : reason };
}

/** The error for a non-2xx answer, from its status and its body's text (any shape: only what is there is used). */
export function problemErrorOf(call: string, status: number, bodyText: string): ApiProblemError {
  const parsed = parsedOrNull(bodyText);
  const problem = isRecord(parsed) ? parsed : {};
  const type = typeof problem['type'] === 'string' ? problem['type'] : 'about:blank';
  const title = typeof problem['title'] === 'string' ? problem['title'] : `HTTP ${status}`;
  const detail = typeof problem['detail'] === 'string' ? problem['detail'] : null;
  const errors = (Array.isArray(problem['errors']) ? problem['errors'] : []).map(fieldProblemOf).filter((error): error is FieldProblem => error !== null);
  return new ApiProblemError(status, type, title, detail, errors, problem, call);
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // not JSON: a proxy's page or an empty body; the status says what happened
  }
}
