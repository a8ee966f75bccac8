import { type FormEvent, useEffect, useState } from 'react';
import { useStore } from '../settings/store-context';
import { PageButtons, useCursorPages } from '../ui/cursor-pages';
import { describeError } from '../ui/use-async';

/** Addresses per page of the list. */
export const SUPPRESSIONS_PAGE_SIZE = 25;

/** Addresses that never get campaign email (unsubscribed or added by the merchant), a page at a time. */
export function Suppressions() {
  const store = useStore();
  const list = useCursorPages((cursor) => store.api.campaigns.get('/v1/suppressions', { query: { limit: SUPPRESSIONS_PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) } }));
  const { first } = list;
  // The first page once per client (`first` is a new function each render); after a change the list starts again from it.
  useEffect(() => first(), [store.api]);
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await store.api.campaigns.post('/v1/suppressions', { body: { email: email.trim() } });
      setEmail('');
      setMessage(null);
      list.first();
    } catch (error) {
      setMessage(describeError(error));
    }
  }

  async function remove(address: string) {
    try {
      await store.api.campaigns.delete('/v1/suppressions/{email}', { path: { email: address } });
      list.first();
    } catch (error) {
      setMessage(describeError(error));
    }
  }

  return (
    <section aria-label="Suppression list">
      <h2>Suppression list</h2>
      <form className="row" onSubmit={(e) => void add(e)}>
        <label>Email address<input name="suppress-email" type="email" value={email} placeholder="someone@example.com" onChange={(e) => setEmail(e.target.value)} /></label>
        <button type="submit" disabled={email.trim() === ''}>Suppress</button>
      </form>
      {message === null ? null : <p className="field-error" role="alert">{message}</p>}
      {list.error === null ? null : <p className="field-error" role="alert">{list.error}</p>}
      <table className="data" aria-label="Suppressed addresses">
        <tbody>
          {(list.page?.items ?? []).map((s) => (
            <tr key={s.email}><td>{s.email}</td><td>{s.reason}</td><td>{store.instant(s.createdAt)}</td><td><button type="button" onClick={() => void remove(s.email)}>Remove</button></td></tr>
          ))}
        </tbody>
      </table>
      {list.page === null ? null : <PageButtons pages={list} next={list.page.nextCursor} />}
    </section>
  );
}
