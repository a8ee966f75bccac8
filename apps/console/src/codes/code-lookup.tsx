import { type FormEvent, useState } from 'react';
import { useStore } from '../settings/store-context';
import { describeError } from '../ui/use-async';

/** Looks a code up (GET /v1/codes/:code) and shows what the service says about it. */
export function CodeLookup() {
  const store = useStore();
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState<Readonly<Record<string, unknown>> | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await store.api.codeInventory.get('/v1/codes/{code}', { path: { code: code.trim() } }));
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  return (
    <form className="card" aria-label="Look up a code" onSubmit={(e) => void lookUp(e)}>
      <h2>Look up a code</h2>
      <div className="row">
        <label>Code<input name="lookup" value={code} placeholder="CODE" onChange={(e) => setCode(e.target.value)} /></label>
        <button type="submit" disabled={code.trim() === ''}>Look up</button>
      </div>
      {error === null ? null : <p className="field-error" role="alert">{error}</p>}
      {answer === null ? null : (
        <dl className="lookup">
          {Object.entries(answer).map(([key, value]) => (
            <div key={key}><dt>{key}</dt><dd>{typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? store.instant(value) : JSON.stringify(value)}</dd></div>
          ))}
        </dl>
      )}
    </form>
  );
}
