import type { AnswerOf, CodeInventoryPaths } from '@promo/client';
import { type FormEvent, useState } from 'react';
import { useStore } from '../settings/store-context';
import { describeError } from '../ui/use-async';
import type { CodeGroup } from './code-group';

/** One page of a segment: customers in customerId order and the cursor of the next page (null on the last). */
type SegmentPage = AnswerOf<CodeInventoryPaths, 'get', '/v1/groups/{groupId}/customers'>;

/** Customers per page of a segment. */
export const SEGMENT_PAGE_SIZE = 25;

/**
 * C7 segments: the customers who received a code of a group, or those with N or more codes from it
 * (GET /v1/groups/{groupId}/customers), a page at a time with the API's cursor.
 */
export function GroupCustomers({ groups }: { readonly groups: readonly CodeGroup[] }) {
  const store = useStore();
  const [groupId, setGroupId] = useState('');
  const [minCodes, setMinCodes] = useState('1');
  // The cursors of the pages shown so far: [undefined] is the first page, each next one is the previous page's `next`.
  const [cursors, setCursors] = useState<readonly (string | undefined)[]>([]);
  const [page, setPage] = useState<SegmentPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const minimum = /^\d+$/.test(minCodes.trim()) ? Number(minCodes.trim()) : Number.NaN;
  const valid = groupId !== '' && Number.isSafeInteger(minimum) && minimum >= 1;

  async function load(stack: readonly (string | undefined)[]) {
    const after = stack[stack.length - 1];
    setError(null);
    try {
      const query = { limit: SEGMENT_PAGE_SIZE, minCodes: minimum, ...(after === undefined ? {} : { after }) };
      setPage(await store.api.codeInventory.get('/v1/groups/{groupId}/customers', { path: { groupId }, query }));
      setCursors(stack);
    } catch (failure) {
      setError(describeError(failure));
    }
  }
  // Another group or minimum is another segment: its pages start again.
  const change = (apply: () => void) => {
    apply();
    setPage(null);
    setCursors([]);
  };
  const show = (event: FormEvent) => {
    event.preventDefault();
    if (valid) void load([undefined]);
  };

  return (
    <form className="card" aria-label="Customers of a group" onSubmit={show}>
      <h2>Customers of a group</h2>
      <div className="row">
        <label>
          Group
          <select name="segmentGroup" value={groupId} onChange={(e) => change(() => setGroupId(e.target.value))}>
            <option value="">choose…</option>
            {groups.map((g) => <option key={g.groupId} value={g.groupId}>{g.name} ({g.groupId})</option>)}
          </select>
        </label>
        <label>With at least (codes)<input name="segmentMinCodes" inputMode="numeric" value={minCodes} onChange={(e) => change(() => setMinCodes(e.target.value))} /></label>
        <button type="submit" disabled={!valid}>Show customers</button>
      </div>
      {error === null ? null : <p className="field-error" role="alert">{error}</p>}
      {page === null ? null : (
        <>
          <table className="data" aria-label="Segment">
            <thead><tr><th>Customer</th><th>Codes issued</th></tr></thead>
            <tbody>
              {page.customers.map((c) => (
                <tr key={c.customerId} data-customer={c.customerId}><td>{c.customerId}</td><td>{c.codesIssued.toLocaleString(store.locale)}</td></tr>
              ))}
            </tbody>
          </table>
          {page.customers.length === 0 ? <p>No customers.</p> : null}
          <div className="row" aria-label="Pages">
            <button type="button" disabled={cursors.length <= 1} onClick={() => void load(cursors.slice(0, -1))}>Previous page</button>
            <span data-testid="segment-page">Page {cursors.length}</span>
            <button type="button" disabled={page.next === null} onClick={() => page.next !== null && void load([...cursors, page.next])}>Next page</button>
          </div>
        </>
      )}
    </form>
  );
}
