import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JsonLogger } from '../logging/json-logger';
import { SERVICE_NAME } from '../config/app-config';
import { setupApiDocs } from '../docs/api-docs';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { METRICS_REGISTRY } from '../metrics/metrics.module';
import { BodyDepthPipe } from '../errors/body-depth.pipe';
import { NulCharacterPipe } from '../errors/nul-character.pipe';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { validationExceptionFactory } from '../errors/validation-exception.factory';

/**
 * Express hashes every response body for an ETag; our answers (prices, problem+json, admin views) are never
 * revalidated by clients, so that is pure per-request cost. The framework banner header goes too.
 */
function withoutResponseHashing(app: INestApplication): void {
  const express = app as NestExpressApplication;
  if (typeof express.set !== 'function') return;
  express.set('etag', false);
  express.disable('x-powered-by');
}

/** The HTTP pipeline every service (and its integration tests) uses: JSON logs, problem+json, strict DTOs, latency metrics, OpenAPI at /docs. */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(JsonLogger));
  withoutResponseHashing(app);
  app.use(httpMetricsMiddleware(app.get<Registry>(METRICS_REGISTRY)));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(
    new BodyDepthPipe(),
    new NulCharacterPipe(),
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationExceptionFactory }),
  );
  setupApiDocs(app, app.get<string>(SERVICE_NAME));
  return app;
}
