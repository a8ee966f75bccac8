import { ValidationFailedError } from '@promo/platform';

/**
 * The version a conditional write expects: the `If-Match` ETag (`"3"` or `W/"3"`), else a numeric `version`
 * in the body, else null (an unconditional write).
 */
export function expectedVersion(ifMatch: string | undefined, body?: unknown): number | null {
  if (ifMatch !== undefined && ifMatch !== '') {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
    if (match?.[1] === undefined) throw new ValidationFailedError([{ field: 'If-Match', reason: 'invalid_value', detail: 'If-Match must be the ETag of a promotion, like "3".' }]);
    return Number(match[1]);
  }
  if (typeof body === 'object' && body !== null && 'version' in body) {
    const version = body.version;
    if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 1) return version;
    throw new ValidationFailedError([{ field: 'version', reason: 'invalid_type', detail: 'version must be the whole number the promotion was read at.' }]);
  }
  return null;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}
