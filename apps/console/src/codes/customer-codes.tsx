import type { AnswerOf, CodeInventoryPaths } from '@promo/client';
import { type FormEvent, useState } from 'react';
import { useStore } from '../settings/store-context';
import { describeError } from '../ui/use-async';

/** C7: a customer's issuance history, every first issue and re-issue in issue order. */
type CustomerIssuance = AnswerOf<CodeInventoryPaths, 'get', '/v1/customers/{customerId}/codes'>;

/** The groups a customer can be re-issued a code from: those it already had one from (C7), in first-issue order. */
function reissueGroups(history: CustomerIssuance): readonly string[] {
  return [...new Set(history.issues.map((entry) => entry.groupId))];
}

/**
 * C7: the codes a customer was issued (GET /v1/customers/{customerId}/codes), first issues and re-issues, and a
 * re-issue of the same code from a group the customer already had one from (POST /v1/groups/{groupId}/issue).
 */
export function CustomerCodes() {
  const store = useStore();
  const [customerId, setCustomerId] = useState('');
  const [history, setHistory] = useState<CustomerIssuance | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reissueGroup, setReissueGroup] = useState('');
  const [reissued, setReissued] = useState<string | null>(null);

  async function load(id: string) {
    const loaded = await store.api.codeInventory.get('/v1/customers/{customerId}/codes', { path: { customerId: id } });
    setHistory(loaded);
    setReissueGroup((current) => (reissueGroups(loaded).includes(current) ? current : (reissueGroups(loaded)[0] ?? '')));
  }

  async function show(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setReissued(null);
    try {
      await load(customerId.trim());
    } catch (failure) {
      setHistory(null);
      setError(describeError(failure));
    }
  }

  async function reissue() {
    if (history === null || reissueGroup === '') return;
    setError(null);
    try {
      const answer = await store.api.codeInventory.post('/v1/groups/{groupId}/issue', { path: { groupId: reissueGroup }, body: { customerId: history.customerId, mode: 'reissue' } });
      setReissued(answer.code === null ? `Group ${reissueGroup} has no code of ${history.customerId} to give again.` : `Re-issued ${answer.code} to ${history.customerId}.`);
      await load(history.customerId);
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  return (
    <form className="card" aria-label="Codes of a customer" onSubmit={(e) => void show(e)}>
      <h2>Codes of a customer</h2>
      <div className="row">
        <label>Customer id<input name="historyCustomerId" value={customerId} onChange={(e) => setCustomerId(e.target.value)} /></label>
        <button type="submit" disabled={customerId.trim() === ''}>Show codes</button>
      </div>
      {error === null ? null : <p className="field-error" role="alert">{error}</p>}
      {history === null ? null : (
        <>
          <p data-testid="history-summary">
            {history.customerId}: {history.codesIssued.toLocaleString(store.locale)} {history.codesIssued === 1 ? 'code' : 'codes'} issued, {history.issues.length.toLocaleString(store.locale)} {history.issues.length === 1 ? 'issue' : 'issues'} in all
          </p>
          <table className="data" aria-label={`Issues to ${history.customerId}`}>
            <thead><tr><th>Issued at</th><th>Code</th><th>Group</th><th>Issue</th><th>Bound to the customer</th></tr></thead>
            <tbody>
              {history.issues.map((entry, i) => (
                <tr key={i} data-issue={i}><td>{store.instant(entry.issuedAt)}</td><td><code>{entry.code}</code></td><td>{entry.groupId}</td><td>{entry.issue === 'first' ? 'first' : 're-issue'}</td><td>{entry.boundToCustomer ? 'yes' : 'no'}</td></tr>
              ))}
            </tbody>
          </table>
          {reissueGroups(history).length === 0 ? null : (
            <div className="row">
              <label>
                Re-issue the code of group
                <select name="reissueGroup" value={reissueGroup} onChange={(e) => setReissueGroup(e.target.value)}>
                  {reissueGroups(history).map((g) => <option key={g} value={g}>{g}</option>)}
                </select>
              </label>
              <button type="button" onClick={() => void reissue()}>Re-issue</button>
            </div>
          )}
          {reissued === null ? null : <p role="status" data-testid="reissue-message">{reissued}</p>}
        </>
      )}
    </form>
  );
}
