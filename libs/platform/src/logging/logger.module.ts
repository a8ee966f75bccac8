import { type DynamicModule, Global, Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import type { DestinationStream, Logger } from 'pino';
import { JsonLogger } from './json-logger';
import { requestLoggingMiddleware } from './request-logging.middleware';
import { createRootLogger } from './root-logger';

/** Injection token of the process's root pino logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** JSON logs for a service: the root logger, Nest's logger on it (`app.useLogger(app.get(JsonLogger))`) and a request id on every request's lines. */
@Global()
@Module({})
export class LoggingModule implements NestModule {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Logger) {}

  static forRoot(service: string, level: string, destination?: DestinationStream): DynamicModule {
    const root = createRootLogger(service, level, destination);
    return {
      module: LoggingModule,
      providers: [
        { provide: ROOT_LOGGER, useValue: root },
        { provide: JsonLogger, useValue: new JsonLogger(root) },
      ],
      exports: [ROOT_LOGGER, JsonLogger],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestLoggingMiddleware(this.root)).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
