import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import { type LoggedRequest, maskedRequest } from './log-privacy';

/**
 * What a request's log lines carry; the child logger is made on the first line, not on every request. It holds
 * strings, not the request: timers and sockets made while a request runs keep its context alive after it ends.
 */
export interface RequestLogContext {
  readonly reqId: string;
  readonly method: string;
  readonly url: string;
  logger?: Logger;
}

const storage = new AsyncLocalStorage<RequestLogContext>();

/** Runs `next` (the rest of the request's handling) with `context` as the current request. */
export function runInRequestLogContext(context: RequestLogContext, next: () => void): void {
  storage.run(context, next);
}

/** The logger for a line written now: bound to the current request's id and (masked) URL, or `root` outside a request. */
export function currentLogger(root: Logger): Logger {
  const context = storage.getStore();
  return context === undefined ? root : requestLogger(context, root);
}

export function requestLogger(context: RequestLogContext, root: Logger): Logger {
  context.logger ??= root.child({ reqId: context.reqId, req: loggedRequest(context) });
  return context.logger;
}

function loggedRequest(context: RequestLogContext): LoggedRequest {
  return maskedRequest({ id: context.reqId, method: context.method, url: context.url });
}
