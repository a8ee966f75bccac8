import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { type RequestLogContext, requestLogger, runInRequestLogContext } from './request-log-context';
import { urlOf } from './request-url';

const MAX_REQUEST_ID_LENGTH = 128;

/** Probes and scrapes are not worth a line each. */
function isQuiet(url: string): boolean {
  return url.startsWith('/health') || url === '/metrics';
}

function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && given !== '' && given.length <= MAX_REQUEST_ID_LENGTH ? given : randomUUID();
}

/**
 * Gives every request an id (`x-request-id` when the caller sent a usable one) that every line logged while
 * handling it carries, and writes `request completed` (status, milliseconds) when `info` is on. Costs a
 * context object per request: pino-http made and serialized a child logger for each request whatever the
 * level, which was a third of a trivial request's time. Failures (5xx) are logged by the problem+json filter.
 */
export function requestLoggingMiddleware(root: Logger): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  return (request, response, next) => {
    const url = urlOf(request);
    const context: RequestLogContext = { reqId: requestIdOf(request), method: request.method ?? '', url };
    if (root.isLevelEnabled('info') && !isQuiet(url)) {
      const started = performance.now();
      response.once('finish', () => {
        const responseTime = Math.round(performance.now() - started);
        requestLogger(context, root).info({ res: { statusCode: response.statusCode }, responseTime }, 'request completed');
      });
    }
    runInRequestLogContext(context, next);
  };
}
