import { useState } from 'react';
import { describeError } from './use-async';

/** A list shown a page at a time with the API's cursor: the page, its number, and moves to the first, next and previous. */
export interface CursorPages<Page> {
  readonly page: Page | null;
  /** 1 for the first page; 0 before any is loaded. */
  readonly pageNumber: number;
  readonly error: string | null;
  first(): void;
  next(cursor: string): void;
  previous(): void;
  /** Forget the pages (another query is another list). */
  reset(): void;
}

/** Pages of `load(cursor)`; `undefined` asks for the first page. The cursors seen are kept so "previous" can go back. */
export function useCursorPages<Page>(load: (cursor: string | undefined) => Promise<Page>): CursorPages<Page> {
  const [cursors, setCursors] = useState<readonly (string | undefined)[]>([]);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = (stack: readonly (string | undefined)[]) => {
    setError(null);
    load(stack[stack.length - 1]).then(
      (loaded) => {
        setPage(loaded);
        setCursors(stack);
      },
      (failure: unknown) => setError(describeError(failure)),
    );
  };
  return {
    page,
    pageNumber: cursors.length,
    error,
    first: () => show([undefined]),
    next: (cursor) => show([...cursors, cursor]),
    previous: () => show(cursors.slice(0, -1)),
    reset: () => {
      setPage(null);
      setCursors([]);
    },
  };
}

/** Previous / "Page n" / Next under a list; `next` is the page's cursor of the next page (null on the last). */
export function PageButtons({ pages, next }: { readonly pages: CursorPages<unknown>; readonly next: string | null }) {
  return (
    <div className="row" aria-label="Pages">
      <button type="button" disabled={pages.pageNumber <= 1} onClick={pages.previous}>Previous page</button>
      <span data-testid="page-number">Page {pages.pageNumber}</span>
      <button type="button" disabled={next === null} onClick={() => next !== null && pages.next(next)}>Next page</button>
    </div>
  );
}
