import { apiErrorOf } from './api-error';
import { type ServiceName, serviceUrl } from './service-name';

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as multipart/form-data. */
  readonly form?: FormData;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Calls a service's admin API with the merchant's key; a non-2xx answer throws ApiError. */
export class HttpClient {
  constructor(private readonly apiKey: string) {}

  async send(service: ServiceName, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { 'x-api-key': this.apiKey, accept: 'application/json', ...options.headers };
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form !== undefined) {
      body = options.form;
    }
    const response = await fetch(serviceUrl(service, path), { method: options.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) });
    if (!response.ok) {
      const text = await response.text();
      throw apiErrorOf(response.status, parseJson(text));
    }
    return response;
  }

  /**
   * The JSON answer, typed as the service documents it (its OpenAPI at /docs-json): the console trusts its
   * own platform's responses and checks only what it computes with.
   */
  async json<T>(service: ServiceName, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(service, path, options);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
