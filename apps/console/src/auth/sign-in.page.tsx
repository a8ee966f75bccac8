import { type FormEvent, useState } from 'react';
import { ApiProblemError, problemText } from '../api/api-error';
import { consoleApi } from '../api/console-api';

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
      await consoleApi(key.trim()).pricing.get('/v1/settings');
      onSignedIn(key.trim());
    } catch (failure) {
      setError(failure instanceof ApiProblemError ? `The key was refused: ${problemText(failure)}` : 'The services did not answer.');
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
