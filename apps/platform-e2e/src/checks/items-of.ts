/** A page of a list endpoint, as the services' documents describe it: its rows and the next page's cursor (null on the last). */
export interface ListPage<Item> {
  readonly items: readonly Item[];
  readonly nextCursor: string | number | null;
}

/** Follows `nextCursor` until the end; the rows keep the type of the answer they came in. */
export async function allPages<Item>(fetchPage: (cursor: string | undefined) => Promise<ListPage<Item>>): Promise<readonly Item[]> {
  const rows: Item[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page += 1) {
    const response = await fetchPage(cursor);
    rows.push(...response.items);
    if (response.nextCursor === null || response.nextCursor === '') return rows;
    cursor = String(response.nextCursor);
  }
  throw new Error('more than 10,000 pages');
}
