import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Observable } from 'rxjs';
import { platformTracer } from './tracing';

interface TracedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly method?: string;
  readonly url?: string;
  /** Express: the matched route. */
  readonly route?: { readonly path?: unknown };
  /** Fastify: the matched route. */
  readonly routeOptions?: { readonly url?: unknown };
}

/** Express hands the ServerResponse itself; Fastify a reply around it. */
type TracedResponse = ServerResponse | { readonly raw: ServerResponse };

/**
 * A SERVER span per request, child of the caller's `traceparent` when it sent one, active while the handler
 * runs (so the events it writes to the outbox and the calls it makes carry it). Installed only while tracing
 * is on (configureHttpApp); the routes and their answers are unchanged.
 */
export class HttpTracingInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'http') return next.handle();
    const http = execution.switchToHttp();
    const request = http.getRequest<TracedRequest>();
    const given = http.getResponse<TracedResponse>();
    const response = 'raw' in given ? given.raw : given;
    const method = request.method ?? 'GET';
    const route = routeOf(request);
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = platformTracer().startSpan(
      route === undefined ? method : `${method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': (request.url ?? '').split('?')[0] ?? '', ...(route === undefined ? {} : { 'http.route': route }) } },
      parent,
    );
    // 'close' comes after 'finish', and also when the client goes away before the answer is written.
    response.once('close', () => {
      span.setAttribute('http.response.status_code', response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    const active = trace.setSpan(parent, span);
    return new Observable((subscriber) => context.with(active, () => next.handle().subscribe(subscriber)));
  }
}

function routeOf(request: TracedRequest): string | undefined {
  const route = request.route?.path ?? request.routeOptions?.url;
  return typeof route === 'string' ? route : undefined;
}
