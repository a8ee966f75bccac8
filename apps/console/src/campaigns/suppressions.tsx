import { type FormEvent, useState } from 'react';
import { useStore } from '../settings/store-context';
import { describeError, useAsync } from '../ui/use-async';

/** Addresses that never get campaign email (unsubscribed or added by the merchant). */
export function Suppressions() {
  const store = useStore();
  const list = useAsync(() => store.api.campaigns.get('/v1/suppressions').then((a) => a.items), [store.api]);
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await store.api.campaigns.post('/v1/suppressions', { body: { email: email.trim() } });
      setEmail('');
      setMessage(null);
      list.reload();
    } catch (error) {
      setMessage(describeError(error));
    }
  }

  async function remove(address: string) {
    try {
      await store.api.campaigns.delete('/v1/suppressions/{email}', { path: { email: address } });
      list.reload();
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
      <table className="data">
        <tbody>
          {(list.data ?? []).map((s) => (
            <tr key={s.email}><td>{s.email}</td><td>{s.reason}</td><td>{store.instant(s.createdAt)}</td><td><button type="button" onClick={() => void remove(s.email)}>Remove</button></td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
