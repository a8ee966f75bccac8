import type { LoggerService } from '@nestjs/common';
import type { Level, Logger as Pino } from 'pino';
import { currentLogger } from './request-log-context';
import { createRootLogger } from './root-logger';

/** Nest's `ExceptionsHandler` logs `error(message, stack)`: the stack arrives where a context would. */
function isStack(text: unknown): text is string {
  return typeof text === 'string' && /\n\s*at /.test(text);
}

/**
 * Nest's logger interface on pino: every line Nest or a service writes (`new Logger(context).warn(fields, msg)`)
 * becomes one JSON line, bound to the request being handled when there is one (its `reqId`). Also used before
 * the app exists (bootstrap, `migrate`), where there is no request.
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  static forService(service: string, level = 'info'): JsonLogger {
    return new JsonLogger(createRootLogger(service, level));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest's arguments are (message or fields, ...params, context): the context is the last one. */
  private write(level: Level, message: unknown, rest: readonly unknown[]): void {
    const logger = currentLogger(this.root);
    if (!logger.isLevelEnabled(level)) return;
    const last = rest[rest.length - 1];
    const context = typeof last === 'string' && !isStack(last) ? last : undefined;
    const params = context === undefined ? rest : rest.slice(0, -1);
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (message instanceof Error) fields['err'] = message;
    else if (typeof message === 'object' && message !== null) Object.assign(fields, message);
    const err = params.find((param) => param instanceof Error);
    if (err !== undefined && fields['err'] === undefined) fields['err'] = err;
    if (level === 'error' && typeof message === 'string' && params.length === 1 && isStack(params[0])) {
      const error = new Error(message);
      error.stack = params[0];
      logger.error({ ...fields, err: error });
      return;
    }
    const text = typeof message === 'string' ? message : params.find((param): param is string => typeof param === 'string');
    // No text: pino takes `msg` from the fields, if they have one.
    logger[level](fields, text ?? (message instanceof Error ? message.message : undefined));
  }
}
