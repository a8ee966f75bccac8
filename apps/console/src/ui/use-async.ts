import { useEffect, useState } from 'react';
import { ApiProblemError, problemText } from '../api/api-error';

export interface AsyncState<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
  reload(): void;
}

export function describeError(error: unknown): string {
  if (error instanceof ApiProblemError) return [problemText(error), ...error.errors.map((e) => `${e.field}: ${e.detail}`)].join(' ');
  return error instanceof Error ? error.message : String(error);
}

/** Loads once per change of `deps` (and on reload); an older answer never overwrites a newer one. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error: describeError(error), loading: false }),
    );
    return () => {
      current = false;
    };
    // `deps` are what `load` reads (the caller lists them).
  }, [...deps, generation]);
  return { ...state, reload: () => setGeneration((g) => g + 1) };
}
