import type { NextFunction, Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';

/** Seconds; from a cache hit to a slow admin export. */
const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * `http_request_duration_seconds{method, route, status}` (X4) for every request, including those the
 * guard refuses (401/403) and the ones no route matches (route="unmatched"). `route` is the route
 * template (`/v1/promotions/:id`), never the raw path, so ids do not explode the label set.
 */
export function httpMetricsMiddleware(registry: Registry): (request: Request, response: Response, next: NextFunction) => void {
  const histogram =
    (registry.getSingleMetric('http_request_duration_seconds') as Histogram<'method' | 'route' | 'status'> | undefined) ??
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route template and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: BUCKETS,
      registers: [registry],
    });
  return (request, response, next) => {
    const end = histogram.startTimer();
    response.once('finish', () => {
      end({ method: request.method, route: routeOf(request), status: String(response.statusCode) });
    });
    next();
  };
}

function routeOf(request: Request): string {
  const route: unknown = request.route;
  if (typeof route === 'object' && route !== null && 'path' in route && typeof route.path === 'string') {
    // Nest answers unknown paths from a catch-all route (`/{*path}`).
    return route.path.includes('*') ? 'unmatched' : `${request.baseUrl}${route.path}`;
  }
  return docsRoute(request.originalUrl) ?? 'unmatched';
}

/** Swagger UI and its assets are served outside the router: one label for all of them. */
function docsRoute(url: string): string | undefined {
  return url === '/docs-json' || url === '/docs-yaml' ? url : url.startsWith('/docs') ? '/docs' : undefined;
}
