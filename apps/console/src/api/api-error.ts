import { ApiProblemError, type FieldProblem } from '@promo/client';

export { ApiProblemError };

/** One entry of a 400 problem's `errors` (STYLE.md "Errors"): the field path as sent, a reason code, a sentence. */
export type FieldError = FieldProblem;

/** What a refusal says in words: its detail, else its title. */
export function problemText(error: ApiProblemError): string {
  return error.detail ?? error.title;
}

/** Field errors keyed by path, for showing each beside its input. */
export function errorsByField(errors: readonly FieldError[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const error of errors) map.set(error.field, map.has(error.field) ? `${map.get(error.field)} ${error.detail}` : error.detail);
  return map;
}
