import { type FieldError, ValidationFailedError } from '@promo/platform';

/** The signed link's parameters, each given once. */
export interface UnsubscribeLink {
  readonly email: string;
  readonly sig: string;
}

function single(query: Readonly<Record<string, unknown>>, field: string, errors: FieldError[]): string {
  const value = query[field];
  if (value === undefined || value === '') errors.push({ field, reason: 'required', detail: `${field} is required` });
  else if (typeof value !== 'string') errors.push({ field, reason: 'invalid_type', detail: `${field} must be given once` });
  else return value;
  return '';
}

/** Reads `email` and `sig` from the link's query; a parameter missing or repeated is a 400 naming it. */
export function parseUnsubscribeLink(query: Readonly<Record<string, unknown>>): UnsubscribeLink {
  const errors: FieldError[] = [];
  const email = single(query, 'email', errors);
  const sig = single(query, 'sig', errors);
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return { email, sig };
}

/** RFC 8058 §3.1: the one-click POST carries `List-Unsubscribe=One-Click` in its body. */
export function requireOneClickBody(body: unknown): void {
  const value: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'List-Unsubscribe') : undefined;
  if (value !== 'One-Click') {
    throw new ValidationFailedError([{ field: 'List-Unsubscribe', reason: 'invalid_value', detail: 'the body must be List-Unsubscribe=One-Click (RFC 8058)' }]);
  }
}
