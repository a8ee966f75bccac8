/** One entry of a 400 problem's `errors` (STYLE.md "Errors"): the field path as sent, a reason code, a sentence. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
  readonly detail: string;
}

/** A non-2xx answer of a service, with its problem+json fields when it sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: readonly FieldError[],
    /** The whole problem document (extension members such as an upload report included). */
    readonly problem: Readonly<Record<string, unknown>>,
  ) {
    super(`${status} ${title}`);
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldError(value: unknown): FieldError | null {
  if (!isRecord(value)) return null;
  const { field, reason, detail } = value;
  if (typeof field !== 'string' || typeof reason !== 'string') return null;
  return { field, reason, detail: typeof detail === 'string' ? detail : reason };
}

/** Builds the error from a status and the parsed body (any shape: only what is there is used). */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const problem = isRecord(body) ? body : {};
  const title = typeof problem['detail'] === 'string' ? problem['detail'] : typeof problem['title'] === 'string' ? problem['title'] : `HTTP ${status}`;
  const raw = Array.isArray(problem['errors']) ? problem['errors'] : [];
  const errors = raw.map(toFieldError).filter((e): e is FieldError => e !== null);
  return new ApiError(status, title, errors, problem);
}

/** Field errors keyed by path, for showing each beside its input. */
export function errorsByField(errors: readonly FieldError[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const error of errors) map.set(error.field, map.has(error.field) ? `${map.get(error.field)} ${error.detail}` : error.detail);
  return map;
}
