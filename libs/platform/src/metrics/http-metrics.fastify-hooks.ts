import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { docsRoute, httpDurationHistogram } from './http-duration.histogram';

/**
 * `http_request_duration_seconds` on Fastify (HTTP_ADAPTER=fastify), with the same labels as the Express
 * middleware: hooks see every request, the ones the guard refuses and the not-found handler's too.
 */
export function installFastifyHttpMetrics(fastify: FastifyInstance, registry: Registry): void {
  const histogram = httpDurationHistogram(registry);
  const timers = new WeakMap<object, ReturnType<typeof histogram.startTimer>>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    timers.set(request, histogram.startTimer());
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    timers.get(request)?.({ method: request.method, route: routeOf(request.routeOptions.url, request.url), status: String(reply.statusCode) });
    done();
  });
}

function routeOf(template: string | undefined, url: string): string {
  if (template === undefined || template.includes('*')) return docsRoute(url) ?? 'unmatched';
  return docsRoute(template) ?? template;
}
