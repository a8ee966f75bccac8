import pino from 'pino';

/**
 * What never reaches a log line (STYLE.md "Logging", X3/X4): API keys and credentials are removed by
 * path, and every e-mail address in a logged string (fields, error messages and stacks, request URLs) is
 * shortened to its first character and domain (`j***@example.com`).
 */
export const LOG_REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'apiKey',
  '*.apiKey',
  'password',
  '*.password',
];

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*?(?:@|%40)([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const MAX_DEPTH = 6;

export function maskEmails(text: string): string {
  return text.replace(EMAIL, '$1***@$2');
}

/** A copy of a log object with e-mail addresses masked in every string; Errors are left to the err serializer. */
export function maskEmailsDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskEmails(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object' || value instanceof Error || value instanceof Date || Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) return value.map((item) => maskEmailsDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskEmailsDeep(item, depth + 1)]));
}

/** The err serializer: `err` may hold anything (a string, a plain object), and logging must never throw. */
function maskedError(error: unknown): unknown {
  if (!(error instanceof Error)) return maskEmailsDeep(error);
  const serialized = pino.stdSerializers.err(error);
  return {
    ...serialized,
    ...(typeof serialized.message === 'string' ? { message: maskEmails(serialized.message) } : {}),
    ...(typeof serialized.stack === 'string' ? { stack: maskEmails(serialized.stack) } : {}),
  };
}

/** pino options shared by the request logger and the JSON logger. */
export const LOG_PRIVACY_OPTIONS = {
  redact: { paths: [...LOG_REDACT_PATHS], censor: '[redacted]' },
  formatters: {
    level: (label: string) => ({ level: label }),
    log: (object: Record<string, unknown>) => maskEmailsDeep(object) as Record<string, unknown>,
  },
  serializers: { err: maskedError },
};

/** What a log line says of a request: no headers (keys, cookies, addresses live there), the URL masked. */
export interface LoggedRequest {
  readonly id: unknown;
  readonly method: unknown;
  readonly url: string;
}

/** A request as its log lines show it: id, method and the URL with e-mail addresses masked. */
export function maskedRequest(request: { readonly id?: unknown; readonly method?: unknown; readonly url?: unknown }): LoggedRequest {
  return { id: request.id, method: request.method, url: typeof request.url === 'string' ? maskEmails(request.url) : '' };
}
