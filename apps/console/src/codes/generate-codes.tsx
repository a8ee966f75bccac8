import { type FormEvent, useState } from 'react';
import { readEvents } from '../api/server-sent-events';
import { useStore } from '../settings/store-context';
import { describeError } from '../ui/use-async';
import { type GenerationProgress, percentDone } from './code-group';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/** Starts bulk generation for a group and follows the job's server-sent events with a progress bar. */
export function GenerateCodes({ groupId, onFinished }: { readonly groupId: string; readonly onFinished: () => void }) {
  const store = useStore();
  const [count, setCount] = useState('10000');
  const [prefix, setPrefix] = useState('');
  const [length, setLength] = useState('10');
  const [progress, setProgress] = useState<GenerationProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function follow(jobId: string) {
    const inventory = store.api.codeInventory;
    // One attempt: a stream is not worth replaying, and its events are read long after the answer came.
    const response = await inventory.send('get', '/v1/jobs/{id}/events', { path: { id: jobId }, headers: { accept: 'text/event-stream' }, retries: 0 });
    if (response.body === null) throw new Error('the progress stream has no body');
    // Each event's data is the job as GET /v1/jobs/{id} answers it (the document describes the stream as text).
    await readEvents(response.body, (event) => setProgress(JSON.parse(event.data) as GenerationProgress));
    // The stream ends after the terminal event; read the final state once more in case it was missed.
    setProgress(await inventory.get('/v1/jobs/{id}', { path: { id: jobId } }));
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const body = { count: Number(count), length: Number(length), ...(prefix === '' ? {} : { prefix }) };
      const job = await store.api.codeInventory.post('/v1/groups/{groupId}/generate', { path: { groupId }, body });
      setProgress(job);
      await follow(job.id);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      onFinished();
    }
  }

  const running = progress !== null && !TERMINAL.has(progress.state);
  return (
    <form className="generate" aria-label={`Generate codes for ${groupId}`} onSubmit={(e) => void start(e)}>
      <div className="row">
        <label>Count<input name="count" value={count} onChange={(e) => setCount(e.target.value)} /></label>
        <label>Length<input name="length" value={length} onChange={(e) => setLength(e.target.value)} /></label>
        <label>Prefix<input name="prefix" value={prefix} onChange={(e) => setPrefix(e.target.value)} /></label>
        <button type="submit" disabled={running}>Generate</button>
      </div>
      {progress === null ? null : (
        <div className="job" data-state={progress.state}>
          <progress className="progress" max={100} value={percentDone(progress)} aria-label="Generation progress" />
          <span data-testid="generation-percent">{percentDone(progress)}%</span>{' '}
          <span data-testid="generation-done">{progress.done.toLocaleString(store.locale)} of {progress.total.toLocaleString(store.locale)}</span>{' '}
          <span className="state">{progress.state}</span>
          {progress.codesPerSecond === null ? null : <span> · {Math.round(progress.codesPerSecond).toLocaleString(store.locale)} codes/s</span>}
          {progress.error === null ? null : <span className="field-error"> {progress.error}</span>}
        </div>
      )}
      {error === null ? null : <p className="field-error" role="alert">{error}</p>}
    </form>
  );
}
