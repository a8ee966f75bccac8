import { type FieldError, ValidationFailedError } from '@promo/platform';

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1_000;

/** A page of a list endpoint; `nextCursor` goes in `cursor` for the next page, null on the last one. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * Where a page starts: after the row with this sort key (a time, then a unique id). The cursor is opaque to
 * clients (base64url of both), so the sort key can change without a contract change.
 */
export interface PageAfter {
  readonly at: Date;
  readonly id: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly after: PageAfter | null;
}

export function encodeCursor(after: PageAfter): string {
  return Buffer.from(JSON.stringify([after.at.toISOString(), after.id])).toString('base64url');
}

function decodeCursor(cursor: string): PageAfter | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 2) return null;
    const [at, id] = decoded as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) return null;
    return { at: new Date(at), id };
  } catch {
    return null;
  }
}

/** `limit` (1 to MAX_PAGE_LIMIT, default DEFAULT_PAGE_LIMIT) and `cursor` of a list request; 400 naming the bad one. */
export function parsePageRequest(limit: string | undefined, cursor: string | undefined): PageRequest {
  const errors: FieldError[] = [];
  let pageLimit = DEFAULT_PAGE_LIMIT;
  if (limit !== undefined) {
    pageLimit = /^\d{1,7}$/.test(limit) ? Number(limit) : 0;
    if (pageLimit < 1 || pageLimit > MAX_PAGE_LIMIT) errors.push({ field: 'limit', reason: 'out_of_range', detail: `limit must be an integer from 1 to ${MAX_PAGE_LIMIT}` });
  }
  const after = cursor === undefined || cursor === '' ? null : decodeCursor(cursor);
  if (cursor !== undefined && cursor !== '' && after === null) errors.push({ field: 'cursor', reason: 'invalid_format', detail: 'cursor must be the nextCursor of a previous page' });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return { limit: pageLimit, after };
}

/** The page of `rows` (read with limit + 1, to know whether more follow) and the cursor after its last row. */
export function pageOf<R, T>(rows: readonly R[], request: PageRequest, keyOf: (row: R) => PageAfter, view: (row: R) => T): ListPage<T> {
  const items = rows.slice(0, request.limit);
  const last = items[items.length - 1];
  return { items: items.map(view), nextCursor: rows.length > request.limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
