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
 * The HTTP pipeline every service (and its integration tests) uses, on Express or Fastify alike: JSON logs,
 * problem+json, strict DTOs, latency metrics, OpenAPI at /docs.
 */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(JsonLogger));
  withHttpMetrics(app, app.get<Registry>(METRICS_REGISTRY));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(
    new BodyDepthPipe(),
    new NulCharacterPipe(),
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationExceptionFactory }),
  );
  setupApiDocs(app, app.get<string>(SERVICE_NAME));
  return app;
}
