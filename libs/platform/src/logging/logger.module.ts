import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';

/** pino JSON logs (STYLE.md "Logging"): `time`, `level`, `service`, `msg`, a `reqId` per request; keys redacted. */
export function createLoggerModule(service: string, level: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      messageKey: 'msg',
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label: string) => ({ level: label }) },
      genReqId: (request: IncomingMessage) => {
        const given = request.headers['x-request-id'];
        return typeof given === 'string' && given.length <= 128 ? given : randomUUID();
      },
      customAttributeKeys: { reqId: 'reqId' },
      redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'], censor: '[redacted]' },
      autoLogging: { ignore: (request: IncomingMessage) => (request.url ?? '').startsWith('/health') || request.url === '/metrics' },
    },
  });
}
