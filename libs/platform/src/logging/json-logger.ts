import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';
import { LOG_PRIVACY_OPTIONS } from './log-privacy';

/**
 * A JSON logger for the moments the app's own logger does not exist: while Nest builds the app (a
 * wiring error is logged as JSON too) and in commands such as `migrate`.
 */
export class JsonLogger implements LoggerService {
  private readonly pino: Pino;

  constructor(service: string, level = 'info') {
    this.pino = pino({ base: { service }, level, messageKey: 'msg', timestamp: pino.stdTimeFunctions.isoTime, ...LOG_PRIVACY_OPTIONS });
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

  private write(level: pino.Level, message: unknown, rest: readonly unknown[]): void {
    // Nest passes the context last; an Error or a stack string may come before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const fields = typeof message === 'object' && message !== null && !(message instanceof Error) ? (message as Record<string, unknown>) : {};
    // (fields, message, context), as nestjs-pino reads it.
    const secondText = rest.length >= 2 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const text = message instanceof Error ? message.message : typeof message === 'string' ? message : (secondText ?? (fields['msg'] as string | undefined));
    const err = message instanceof Error ? message : rest.find((r) => r instanceof Error);
    this.pino[level]({ ...fields, ...(context ? { context } : {}), ...(err ? { err } : {}) }, text ?? '');
  }
}
