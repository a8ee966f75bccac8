import http from 'node:http';

/** One attempt's outcome as the client saw it. */
export interface AttemptResult {
  readonly index: number;
  readonly reservationId: string;
  readonly promotionId: string;
  /** HTTP status, or 0 when the connection failed (the process was killed). */
  readonly status: number;
  readonly outcome: 'reserved' | 'refused' | 'unavailable' | 'failed';
  readonly reason: string | null;
  readonly retryAfter: string | null;
}

export interface LoadOptions {
  readonly baseUrl: () => string;
  readonly key: string;
  readonly clients: number;
  readonly attempts: number;
  readonly body: (index: number) => { readonly reservationId: string; readonly uses: readonly { readonly promotionId: string }[] } & Record<string, unknown>;
  /** Called after each attempt with everything so far; a promise it returns pauses every client until it settles (a restart). */
  readonly onAttempt?: (results: readonly AttemptResult[]) => Promise<void> | undefined;
}

/** `clients` concurrent clients share `attempts` reservation attempts, each client one request at a time. */
export async function runReservationLoad(options: LoadOptions): Promise<AttemptResult[]> {
  const results: AttemptResult[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  let next = 0;
  let pause: Promise<void> | undefined;
  const client = async (): Promise<void> => {
    for (;;) {
      if (pause) await pause;
      if (next >= options.attempts) return;
      const index = next;
      next += 1;
      const body = options.body(index);
      results.push(await attempt(options, agent, index, body));
      const hook = options.onAttempt?.(results);
      if (hook) {
        pause = hook.finally(() => (pause = undefined));
        await pause;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, () => client()));
  } finally {
    agent.destroy();
  }
  return results;
}

async function attempt(options: LoadOptions, agent: http.Agent, index: number, body: ReturnType<LoadOptions['body']>): Promise<AttemptResult> {
  const base = { index, reservationId: body.reservationId, promotionId: body.uses[0]?.promotionId ?? '' };
  try {
    const response = await postOnce(agent, `${options.baseUrl()}/v1/reservations`, options.key, JSON.stringify(body));
    const answer: unknown = JSON.parse(response.body);
    if (response.status === 503) return { ...base, status: 503, outcome: 'unavailable', reason: null, retryAfter: response.retryAfter };
    if (response.status !== 200 || !isAnswer(answer)) return { ...base, status: response.status, outcome: 'failed', reason: response.body, retryAfter: null };
    const refused = answer.uses.find((use) => use.status === 'refused');
    return { ...base, status: 200, outcome: answer.status === 'reserved' ? 'reserved' : 'refused', reason: refused?.reason ?? null, retryAfter: null };
  } catch (error) {
    return { ...base, status: 0, outcome: 'failed', reason: `connection failed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, retryAfter: null };
  }
}

interface Answer {
  readonly status: string;
  readonly uses: readonly { readonly status: string; readonly reason?: string }[];
}

function isAnswer(value: unknown): value is Answer {
  return typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'string' && 'uses' in value && Array.isArray(value.uses);
}

/** How many results match. */
export function count(results: readonly AttemptResult[], predicate: (result: AttemptResult) => boolean): number {
  return results.reduce((n, result) => n + (predicate(result) ? 1 : 0), 0);
}

interface PostAnswer {
  readonly status: number;
  readonly body: string;
  readonly retryAfter: string | null;
}

/**
 * Sends the request again, once, on a connection of its own, when it went out on a kept-alive socket the server had
 * just closed (ECONNRESET on a reused socket: the server never read it, Node's documented keep-alive race). The retry
 * does not take another pooled socket: on a loaded machine the next one may be just as stale (CI saw both fail). A
 * reservation is idempotent by its id anyway. Any other failure is the caller's to count.
 */
async function postOnce(agent: http.Agent, url: string, key: string, body: string): Promise<PostAnswer> {
  try {
    return await post(agent, url, key, body);
  } catch (error) {
    if (!(error instanceof ReusedSocketReset)) throw error;
    return post(false, url, key, body);
  }
}

class ReusedSocketReset extends Error {}

/** A keep-alive POST (node:http is much lighter than fetch when 200 clients share one process with the app). */
function post(agent: http.Agent | false, url: string, key: string, body: string): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'x-api-key': key, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const retryAfter = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, body: text, retryAfter: typeof retryAfter === 'string' ? retryAfter : null });
      });
      response.on('error', reject);
    });
    request.on('error', (error: NodeJS.ErrnoException) => reject(request.reusedSocket && error.code === 'ECONNRESET' ? new ReusedSocketReset(error.message) : error));
    request.end(body);
  });
}
