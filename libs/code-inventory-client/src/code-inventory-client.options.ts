/** How one process calls code-inventory (docs/internal-apis.md): its address, key, timeout, retries and breaker. */
export interface CodeInventoryClientOptions {
  /** Base URL, e.g. http://127.0.0.1:3002. */
  readonly baseUrl: string;
  /** Sent as `x-api-key`: a key with the scope the calls need (`code-lookup`, `code-issue`). */
  readonly apiKey: string;
  /** Per attempt, milliseconds, the answer's body included. */
  readonly timeoutMs: number;
  /** Further attempts of an idempotent call (the lookup) after a transport error, a timeout or a 5xx; issues are never retried. */
  readonly lookupRetries: number;
  /** Unavailable outcomes in a row that open the breaker. */
  readonly breakerThreshold: number;
  /** How long an open breaker refuses calls before one trial, milliseconds. */
  readonly breakerOpenMs: number;
  /** The breaker's time in milliseconds; monotonic process time when not given. */
  readonly nowMs?: () => number;
}
