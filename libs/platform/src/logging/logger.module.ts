import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { type DestinationStream, stdTimeFunctions } from 'pino';
import { LOG_PRIVACY_OPTIONS, maskedRequest } from './log-privacy';

/** pino JSON logs (to stdout, or `destination` in tests) (STYLE.md "Logging"): `time`, `level`, `service`, `msg`, a `reqId` per request; keys redacted, e-mail addresses masked (log-privacy.ts). */
export function createLoggerModule(service: string, level: string, destination?: DestinationStream) {
  const options = {
    level,
    base: { service },
    messageKey: 'msg',
    timestamp: stdTimeFunctions.isoTime,
    ...LOG_PRIVACY_OPTIONS,
    serializers: { ...LOG_PRIVACY_OPTIONS.serializers, req: maskedRequest },
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && given.length <= 128 ? given : randomUUID();
    },
    customAttributeKeys: { reqId: 'reqId' },
    autoLogging: { ignore: (request: IncomingMessage) => (request.url ?? '').startsWith('/health') || request.url === '/metrics' },
  };
  return LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options });
}
