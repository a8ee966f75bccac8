import type { NextFunction, Request, Response } from 'express';
import type { Registry } from 'prom-client';
import { docsRoute, httpDurationHistogram } from './http-duration.histogram';

/**
 * `http_request_duration_seconds` on Express, for every request, including those the guard refuses (401/403)
 * and the ones no route matches (route="unmatched"). Fastify's twin is http-metrics.fastify-hooks.ts.
 */
export function httpMetricsMiddleware(registry: Registry): (request: Request, response: Response, next: NextFunction) => void {
  const histogram = httpDurationHistogram(registry);
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
