/** A list endpoint's rows, whether it answers a bare array or a page `{items, nextCursor}`. */
export function itemsOf<T>(response: unknown): readonly T[] {
  if (Array.isArray(response)) return response as T[];
  if (typeof response === 'object' && response !== null && Array.isArray((response as { items?: unknown }).items)) {
    return (response as { items: T[] }).items;
  }
  throw new Error(`expected a list or {items}, got ${JSON.stringify(response).slice(0, 200)}`);
}

/** Follows `nextCursor` until the end. */
export async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<unknown>): Promise<readonly T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page += 1) {
    const response = await fetchPage(cursor);
    rows.push(...itemsOf<T>(response));
    const next = typeof response === 'object' && response !== null ? (response as { nextCursor?: unknown }).nextCursor : undefined;
    if ((typeof next !== 'string' && typeof next !== 'number') || next === '') return rows;
    cursor = String(next);
  }
  throw new Error('more than 10,000 pages');
}
