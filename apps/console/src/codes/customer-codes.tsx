import type { AnswerOf, CodeInventoryPaths } from '@promo/client';
import { type FormEvent, useState } from 'react';
import { useStore } from '../settings/store-context';
import { describeError } from '../ui/use-async';

/** C7: a customer's issuance history, every first issue and re-issue in issue order. */
type CustomerIssuance = AnswerOf<CodeInventoryPaths, 'get', '/v1/customers/{customerId}/codes'>;

/** C7: the codes a customer was issued (GET /v1/customers/{customerId}/codes), first issues and re-issues. */
export function CustomerCodes() {
  const store = useStore();
  const [customerId, setCustomerId] = useState('');
  const [history, setHistory] = useState<CustomerIssuance | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function show(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setHistory(await store.api.codeInventory.get('/v1/customers/{customerId}/codes', { path: { customerId: customerId.trim() } }));
    } catch (failure) {
      setHistory(null);
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
        </>
      )}
    </form>
  );
}
