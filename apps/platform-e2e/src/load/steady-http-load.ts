import { performance } from 'node:perf_hooks';

/** What became of one request of the load: a status and a body read to its end, or a transport error. */
export interface LoadOutcome {
  /** performance.now() when the request was sent. */
  readonly sentAt: number;
  readonly status: number | null;
  /** True when the body arrived whole and parsed as JSON. */
  readonly isComplete: boolean;
  readonly error: string | null;
}

export interface SteadyHttpLoad {
  /** Stops sending and resolves with every outcome once the requests in flight have settled. */
  stop(): Promise<readonly LoadOutcome[]>;
}

/**
 * `concurrency` loops, each sending its next request as soon as the last one settled, until stopped.
 * A failed request (refused, reset) is recorded, never thrown, and its loop keeps going.
 */
export function startSteadyHttpLoad(options: { readonly concurrency: number; readonly send: () => Promise<Response> }): SteadyHttpLoad {
  const outcomes: LoadOutcome[] = [];
  let isStopped = false;
  const loop = async (): Promise<void> => {
    while (!isStopped) {
      const sentAt = performance.now();
      try {
        const response = await options.send();
        const text = await response.text();
        outcomes.push({ sentAt, status: response.status, isComplete: isJson(text), error: null });
      } catch (error) {
        outcomes.push({ sentAt, status: null, isComplete: false, error: error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error) });
      }
    }
  };
  const loops = Array.from({ length: options.concurrency }, loop);
  return {
    stop: async () => {
      isStopped = true;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false; // the assertion reports it as an incomplete body
  }
}
