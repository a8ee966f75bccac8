import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { SERVICE_NAME } from '../config/app-config';
import { setupApiDocs } from '../docs/api-docs';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { validationExceptionFactory } from '../errors/validation-exception.factory';

/** The HTTP pipeline every service (and its integration tests) uses: JSON logs, problem+json, strict DTOs, OpenAPI at /docs. */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationExceptionFactory }),
  );
  setupApiDocs(app, app.get<string>(SERVICE_NAME));
  return app;
}
