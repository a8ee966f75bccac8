import pino, { type DestinationStream, type Logger } from 'pino';
import { LOG_PRIVACY_OPTIONS } from './log-privacy';

/** The process's pino logger (STYLE.md "Logging"): JSON lines with `time`, `level`, `service`, `msg`; keys redacted, e-mail addresses masked. */
export function createRootLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options = { base: { service }, level, messageKey: 'msg', timestamp: pino.stdTimeFunctions.isoTime, ...LOG_PRIVACY_OPTIONS };
  return destination === undefined ? pino(options) : pino(options, destination);
}
