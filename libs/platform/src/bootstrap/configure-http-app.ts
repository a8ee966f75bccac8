import type { Server } from 'node:http';
import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Registry } from 'prom-client';
import { JsonLogger } from '../logging/json-logger';
import { SERVICE_NAME } from '../config/app-config';
import { setupApiDocs } from '../docs/api-docs';
import { installFastifyHttpMetrics } from '../metrics/http-metrics.fastify-hooks';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { METRICS_REGISTRY } from '../metrics/metrics.module';
import { BodyDepthPipe } from '../errors/body-depth.pipe';
import { NulCharacterPipe } from '../errors/nul-character.pipe';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { validationExceptionFactory } from '../errors/validation-exception.factory';
import { HttpTracingInterceptor } from '../tracing/http-tracing.interceptor';
import { isTracingOn } from '../tracing/tracing';

/**
 * Express hashes every response body for an ETag; our answers (prices, problem+json, admin views) are never
 * revalidated by clients, so that is pure per-request cost. The framework banner header goes too.
 * Fastify does neither by default.
 */
function withoutResponseHashing(app: NestExpressApplication): void {
  app.set('etag', false);
  app.disable('x-powered-by');
}

/** Latency metrics of every request: Express middleware, or Fastify hooks (HTTP_ADAPTER). */
function withHttpMetrics(app: INestApplication, registry: Registry): void {
  if (app.getHttpAdapter().getType() === 'fastify') {
    installFastifyHttpMetrics((app as NestFastifyApplication).getHttpAdapter().getInstance(), registry);
    return;
  }
  withoutResponseHashing(app as NestExpressApplication);
  app.use(httpMetricsMiddleware(registry));
}

/**
 * How long an idle kept-alive connection stays open. Node's default, 5 s, is shorter than the idle timeout of the
 * load balancers in front of a service (60 s on the common ones) and than a busy client's reuse of a pooled socket:
 * the server closed sockets a client was just sending on, and the request failed with ECONNRESET (502 behind a
 * balancer; "socket hang up" in the ledger's and code-inventory's tests on a loaded machine). Headers must be
 * allowed a little longer than that, or Node refuses the setting's effect.
 */
export const HTTP_KEEP_ALIVE_TIMEOUT_MS = 65_000;

function withKeepAlive(server: Server): void {
  server.keepAliveTimeout = HTTP_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HTTP_KEEP_ALIVE_TIMEOUT_MS + 1_000;
}

/**
 * The HTTP pipeline every service (and its integration tests) uses, on Express or Fastify alike: JSON logs,
 * problem+json, strict DTOs, latency metrics, OpenAPI at /docs, and a span per request while tracing is on.
 */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(JsonLogger));
  withKeepAlive(app.getHttpServer() as Server);
  withHttpMetrics(app, app.get<Registry>(METRICS_REGISTRY));
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Off, not even the interceptor: a request costs nothing more than before (#24).
  if (isTracingOn()) app.useGlobalInterceptors(new HttpTracingInterceptor());
  app.useGlobalPipes(
    new BodyDepthPipe(),
    new NulCharacterPipe(),
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationExceptionFactory }),
  );
  setupApiDocs(app, app.get<string>(SERVICE_NAME));
  return app;
}
