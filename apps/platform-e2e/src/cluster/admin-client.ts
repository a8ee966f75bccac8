/** A small JSON client for the services' admin APIs: a non-2xx answer throws with the problem details. */
export class AdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  /**
   * A 503 is the services' "not done, try later" (problem+json, often with Retry-After): a dependency such as
   * code-inventory did not answer in time, and nothing was saved. The call is sent again, as a real client would,
   * for up to a minute; any other non-2xx answer throws at once.
   */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const deadline = performance.now() + UNAVAILABLE_RETRY_MS;
    for (;;) {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { 'x-api-key': this.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status === 503 && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs(response.headers.get('retry-after'))));
        continue;
      }
      if (!response.ok) throw new Error(`${method} ${this.baseUrl}${path} answered ${response.status}: ${text.slice(0, 2_000)}`);
      return (text === '' ? undefined : JSON.parse(text)) as T;
    }
  }
}

const UNAVAILABLE_RETRY_MS = 60_000;

/** Retry-After in seconds (the services send seconds), within 0.2–5 s; 1 s when absent. */
function retryDelayMs(retryAfter: string | null): number {
  const seconds = Number(retryAfter);
  return Number.isFinite(seconds) && retryAfter !== null && retryAfter !== '' ? Math.min(5_000, Math.max(200, seconds * 1_000)) : 1_000;
}
