import { Histogram, type Registry } from 'prom-client';

/** Seconds; from a cache hit to a slow admin export. */
const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type HttpDurationHistogram = Histogram<'method' | 'route' | 'status'>;

/**
 * `http_request_duration_seconds{method, route, status}` (X4), registered once per registry. `route` is the
 * route template (`/v1/promotions/:id`), never the raw path, so ids do not explode the label set; requests no
 * route matches are `unmatched`.
 */
export function httpDurationHistogram(registry: Registry): HttpDurationHistogram {
  return (
    (registry.getSingleMetric('http_request_duration_seconds') as HttpDurationHistogram | undefined) ??
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route template and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: BUCKETS,
      registers: [registry],
    })
  );
}

/** Swagger UI and its assets are served outside the router: one label for all of them. */
export function docsRoute(url: string): string | undefined {
  return url === '/docs-json' || url === '/docs-yaml' ? url : url.startsWith('/docs') ? '/docs' : undefined;
}
