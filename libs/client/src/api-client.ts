// The typed HTTP client of the four services (#24), over the `paths` types generated from their OpenAPI documents.
// fetch only, no Node import: the console runs it in the browser, the services and the e2e harness in Node.
// Not openapi-fetch: it answers { data, error } and never retries, where callers here want a thrown typed error, retries
// of idempotent calls on 503/429 that replay the body, and a timeout per client and per call.
import { ApiTimeoutError, ApiUnreachableError, problemErrorOf } from './api-errors';
import { retryAfterMs } from './retry-after';
import type { HttpMethod, OperationOf, PathsWith, RequestParams, SuccessBody } from './typed-paths';

/** How one client calls one service. */
export interface ApiClientOptions {
  /** The service's base URL (`http://127.0.0.1:3001`), or a path prefix in the browser (`/api/pricing`). */
  readonly baseUrl: string;
  /** Sent as `x-api-key` (the services' ApiKeyGuard); omitted when null. */
  readonly apiKey: string | null;
  /** Milliseconds one call may take, its retries and their waits included; 10 000 unless given. */
  readonly timeoutMs?: number;
  /** Further attempts of an idempotent call answered 503 or 429, or not answered at all; 2 unless given. */
  readonly retries?: number;
  /** The longest wait before a retry, milliseconds; a longer `Retry-After` ends the call with its answer. 5 000 unless given. */
  readonly maxRetryWaitMs?: number;
  /** Headers sent with every call. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Wall time in epoch milliseconds, to read a `Retry-After` date against. */
  readonly nowMs?: () => number;
}

/** What any call may add to its path parameters, query and body. */
export interface CallOptions {
  /** This call's timeout, milliseconds, instead of the client's. */
  readonly timeoutMs?: number;
  /** Aborts the call; the abort's reason is thrown as it is. */
  readonly signal?: AbortSignal;
  /** A POST or PATCH that is safe to repeat (an Idempotency-Key, a dry run): retried like a GET. */
  readonly idempotent?: boolean;
  /** This call's further attempts, instead of the client's. */
  readonly retries?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A query the document does not describe yet (several list routes read theirs without declaring them); typed
 * loosely so that callers can send it until the document says more.
 */
export type UndocumentedQuery = Readonly<Record<string, string | number | boolean | undefined>>;

type LooseParams = {
  readonly path?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
};

/** The options of a call: the document's parameters, a loose query where it declares none, and CallOptions. */
export type OptionsOf<Operation> = RequestParams<Operation> &
  ('query' extends keyof RequestParams<Operation> ? unknown : { readonly query?: UndocumentedQuery }) &
  ('body' extends keyof RequestParams<Operation> ? unknown : { readonly body?: unknown }) &
  CallOptions;

/** The arguments after the path: optional when the operation needs no path parameter, query or body. */
type ArgsOf<Operation> = object extends RequestParams<Operation> ? [options?: OptionsOf<Operation>] : [options: OptionsOf<Operation>];

type Call<Paths, Method extends HttpMethod> = <Path extends PathsWith<Paths, Method>>(
  path: Path,
  ...args: ArgsOf<OperationOf<Paths, Path, Method>>
) => Promise<SuccessBody<OperationOf<Paths, Path, Method>>>;

type RawCall<Paths> = <Method extends HttpMethod, Path extends PathsWith<Paths, Method>>(
  method: Method,
  path: Path,
  ...args: ArgsOf<OperationOf<Paths, Path, Method>>
) => Promise<Response>;

/** A client of one service: one method per HTTP method, typed by the service's generated `paths`. */
export interface ApiClient<Paths> {
  readonly get: Call<Paths, 'get'>;
  readonly post: Call<Paths, 'post'>;
  readonly put: Call<Paths, 'put'>;
  readonly patch: Call<Paths, 'patch'>;
  readonly delete: Call<Paths, 'delete'>;
  /** The 2xx answer itself, unread (a stream, a download); a non-2xx answer throws as for the other methods. */
  readonly send: RawCall<Paths>;
}

/** The body of a successful answer of `Method Path`, as the service documents it (`unknown` where it does not yet). */
export type AnswerOf<Paths, Method extends HttpMethod, Path extends PathsWith<Paths, Method>> = SuccessBody<OperationOf<Paths, Path, Method>>;

/** The JSON body `Method Path` takes, as the service documents it. */
export type BodyOf<Paths, Method extends HttpMethod, Path extends PathsWith<Paths, Method>> =
  RequestParams<OperationOf<Paths, Path, Method>> extends { readonly body?: infer Body } ? Body : never;

/** The query `Method Path` takes, as the service documents it. */
export type QueryOf<Paths, Method extends HttpMethod, Path extends PathsWith<Paths, Method>> =
  RequestParams<OperationOf<Paths, Path, Method>> extends { readonly query?: infer Query } ? Query : never;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_MAX_RETRY_WAIT_MS = 5_000;
/** The wait before a retry whose answer gave no Retry-After: doubled each time, from this. */
const FIRST_BACKOFF_MS = 100;

/** Answers that say "not now": an idempotent call is tried again after the wait they ask for. */
const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** One attempt's outcome: the answer, or no answer at all (the connection failed). */
type Attempt = { readonly response: Response } | { readonly unreachable: unknown };

/** A client of the service at `options.baseUrl`, typed by its generated `paths`. */
export function createApiClient<Paths>(options: ApiClientOptions): ApiClient<Paths> {
  const client = new Caller(options);
  const typed =
    (method: HttpMethod) =>
    (path: string, callOptions?: LooseParams & CallOptions): Promise<unknown> =>
      client.json(method, path, callOptions ?? {});
  return {
    get: typed('get') as Call<Paths, 'get'>,
    post: typed('post') as Call<Paths, 'post'>,
    put: typed('put') as Call<Paths, 'put'>,
    patch: typed('patch') as Call<Paths, 'patch'>,
    delete: typed('delete') as Call<Paths, 'delete'>,
    send: ((method: HttpMethod, path: string, callOptions?: LooseParams & CallOptions) => client.send(method, path, callOptions ?? {})) as RawCall<Paths>,
  };
}

class Caller {
  private readonly baseUrl: string;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async json(method: HttpMethod, path: string, call: LooseParams & CallOptions): Promise<unknown> {
    return this.withDeadline(method, path, call, async (signal, name) => {
      const response = await this.answer(method, path, call, signal, name);
      const text = await response.text();
      if (response.status === 204 || text === '') return undefined;
      return (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    });
  }

  send(method: HttpMethod, path: string, call: LooseParams & CallOptions): Promise<Response> {
    // The deadline covers getting the answer, not reading a stream that is meant to stay open.
    return this.withDeadline(method, path, call, (signal, name) => this.answer(method, path, call, signal, name));
  }

  /**
   * Runs `work` under the call's timeout and the caller's signal, turning the timeout's abort into ApiTimeoutError.
   * The timer stops when `work` settles: a stream that `send` hands back stays open after its answer came.
   */
  private async withDeadline<T>(method: HttpMethod, path: string, call: CallOptions, work: (signal: AbortSignal, name: string) => Promise<T>): Promise<T> {
    const name = `${method.toUpperCase()} ${path}`;
    const timeoutMs = call.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new ApiTimeoutError(name, timeoutMs)), timeoutMs);
    const signal = call.signal === undefined ? deadline.signal : AbortSignal.any([call.signal, deadline.signal]);
    try {
      return await work(signal, name);
    } catch (error) {
      if (call.signal?.aborted === true) throw call.signal.reason;
      if (deadline.signal.aborted) throw new ApiTimeoutError(name, timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The 2xx answer, after the retries an idempotent call is allowed; anything else throws. */
  private async answer(method: HttpMethod, path: string, call: LooseParams & CallOptions, signal: AbortSignal, name: string): Promise<Response> {
    const url = this.urlOf(path, call.path, call.query);
    const isIdempotent = method === 'get' || method === 'put' || method === 'delete' || call.idempotent === true;
    const retries = isIdempotent ? (call.retries ?? this.options.retries ?? DEFAULT_RETRIES) : 0;
    const init = this.requestInit(method, call);
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await fetch(url, { ...init, signal }).then(
        (response): Attempt => ({ response }),
        (error: unknown): Attempt => {
          if (signal.aborted) throw error;
          return { unreachable: error };
        },
      );
      if ('response' in outcome && (outcome.response.ok || !RETRIED_STATUSES.has(outcome.response.status) || attempt >= retries)) {
        if (outcome.response.ok) return outcome.response;
        throw problemErrorOf(name, outcome.response.status, await outcome.response.text());
      }
      if ('unreachable' in outcome && attempt >= retries) throw new ApiUnreachableError(name, outcome.unreachable);
      const wait = 'response' in outcome ? await this.retryWait(outcome.response, attempt, name) : this.backoffMs(attempt);
      await sleep(wait, signal);
    }
  }

  /** How long to wait before retrying this 503/429; throws its problem when it asks for longer than maxRetryWaitMs. */
  private async retryWait(response: Response, attempt: number, name: string): Promise<number> {
    // Wall time, not the services' Clock: a Retry-After date is the server's wall time, and the console has no Clock.
    const asked = retryAfterMs(response.headers.get('retry-after'), (this.options.nowMs ?? Date.now)());
    const text = await response.text();
    if (asked !== null && asked > (this.options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS)) throw problemErrorOf(name, response.status, text);
    return asked ?? this.backoffMs(attempt);
  }

  /** The wait before retry `attempt + 1` when the answer named none: doubled each time, never past maxRetryWaitMs. */
  private backoffMs(attempt: number): number {
    return Math.min(FIRST_BACKOFF_MS * 2 ** attempt, this.options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS);
  }

  private requestInit(method: HttpMethod, call: LooseParams & CallOptions): RequestInit {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...call.headers };
    if (this.options.apiKey !== null) headers['x-api-key'] = this.options.apiKey;
    if (call.body === undefined) return { method: method.toUpperCase(), headers };
    if (call.body instanceof FormData) return { method: method.toUpperCase(), headers, body: call.body };
    headers['content-type'] = 'application/json';
    // A string body, so every retry sends it again (a stream could be read once).
    return { method: method.toUpperCase(), headers, body: JSON.stringify(call.body) };
  }

  private urlOf(path: string, params: LooseParams['path'], query: LooseParams['query']): string {
    const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = params?.[name];
      if (value === undefined) throw new Error(`${path}: the path parameter ${name} is missing`);
      return encodeURIComponent(String(value));
    });
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
    }
    const queryText = search.toString();
    return `${this.baseUrl}${filled}${queryText === '' ? '' : `?${queryText}`}`;
  }
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
