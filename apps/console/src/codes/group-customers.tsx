import type { AnswerOf, CodeInventoryPaths } from '@promo/client';
import { type FormEvent, useState } from 'react';
import { useStore } from '../settings/store-context';
import { PageButtons, useCursorPages } from '../ui/cursor-pages';
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
  const minimum = /^\d+$/.test(minCodes.trim()) ? Number(minCodes.trim()) : Number.NaN;
  const valid = groupId !== '' && Number.isSafeInteger(minimum) && minimum >= 1;
  const pages = useCursorPages<SegmentPage>((after) =>
    store.api.codeInventory.get('/v1/groups/{groupId}/customers', { path: { groupId }, query: { limit: SEGMENT_PAGE_SIZE, minCodes: minimum, ...(after === undefined ? {} : { after }) } }),
  );
  const { page } = pages;

  // Another group or minimum is another segment: its pages start again.
  const change = (apply: () => void) => {
    apply();
    pages.reset();
  };
  const show = (event: FormEvent) => {
    event.preventDefault();
    if (valid) pages.first();
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
      {pages.error === null ? null : <p className="field-error" role="alert">{pages.error}</p>}
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
          <PageButtons pages={pages} next={page.next} />
        </>
      )}
    </form>
  );
}
