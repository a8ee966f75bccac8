import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { validationExceptionFactory } from '../errors/validation-exception.factory';

/** The HTTP pipeline every service (and its integration tests) uses: JSON logs, problem+json, strict DTOs. */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationExceptionFactory }),
  );
  return app;
}
