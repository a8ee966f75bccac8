import { type FormEvent, useState } from 'react';
import { HttpClient } from '../api/http-client';
import { ApiError } from '../api/api-error';

/** Asks for an admin key and checks it against pricing before keeping it for the session. */
export function SignInPage({ onSignedIn }: { readonly onSignedIn: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await new HttpClient(key.trim()).json('pricing', '/v1/settings');
      onSignedIn(key.trim());
    } catch (failure) {
      setError(failure instanceof ApiError ? `The key was refused: ${failure.title}` : 'The services did not answer.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <h1>Promotions console</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="admin-key">Admin API key</label>
        <input id="admin-key" type="password" autoComplete="off" value={key} onChange={(event) => setKey(event.target.value)} />
        {error === null ? null : <p role="alert" className="field-error">{error}</p>}
        <button type="submit" disabled={busy || key.trim() === ''}>Sign in</button>
      </form>
      <p className="hint">Create one with <code>npm run keys -- create --scope admin</code>; it is kept for this tab only.</p>
    </main>
  );
}
