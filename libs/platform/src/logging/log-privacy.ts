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

const MAX_DEPTH = 6;
const AT = 0x40;
const PERCENT = 0x25;
const DOT = 0x2e;

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** `[A-Za-z0-9-]`: a character of a domain label. */
function isLabelCharacter(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

/** `[A-Za-z0-9._%+-]`: a character of an address's local part. */
function isLocalPartCharacter(code: number): boolean {
  return isLabelCharacter(code) || code === DOT || code === PERCENT || code === 0x2b || code === 0x5f;
}

function endOfRun(text: string, from: number, isInRun: (code: number) => boolean): number {
  let position = from;
  while (position < text.length && isInRun(text.charCodeAt(position))) position += 1;
  return position;
}

/**
 * Where a domain starting at `start` ends (labels, then a dot and a top-level domain of two or more letters),
 * or -1 when there is none. It reads only label characters and dots, never an `@` or `%`, so the domains
 * tried after successive separators never overlap.
 */
function domainEnd(text: string, start: number): number {
  let position = endOfRun(text, start, isLabelCharacter);
  if (position === start) return -1;
  let end = -1;
  while (text.charCodeAt(position) === DOT) {
    const labelStart = position + 1;
    const labelEnd = endOfRun(text, labelStart, isLabelCharacter);
    if (labelEnd === labelStart) break;
    const lettersEnd = endOfRun(text, labelStart, isLetter);
    if (lettersEnd - labelStart >= 2) end = lettersEnd;
    position = labelEnd;
  }
  return end;
}

/** The length of an `@` or of its URL encoding `%40` at `position`, 0 when there is neither. */
function separatorLength(text: string, position: number): number {
  const code = text.charCodeAt(position);
  if (code === AT) return 1;
  return code === PERCENT && text.startsWith('40', position + 1) ? 3 : 0;
}

/**
 * `text` with every e-mail address (`@` or `%40`) shortened to its first character and domain
 * (`j***@example.com`). It runs on every request URL before the key guard (#19 hole 1), so it reads each
 * character a bounded number of times: a regex that looked for the local part from every start position
 * was quadratic on a long run of address characters without `@` (16 KB took over half a second).
 */
export function maskEmails(text: string): string {
  if (!text.includes('@') && !text.includes('%40')) return text;
  let masked = '';
  let copiedUpTo = 0;
  let localPartStart = 0;
  let position = 0;
  while (position < text.length) {
    const separator = separatorLength(text, position);
    const end = separator > 0 && localPartStart < position ? domainEnd(text, position + separator) : -1;
    if (end !== -1) {
      masked += `${text.slice(copiedUpTo, localPartStart)}${text.charAt(localPartStart)}***@${text.slice(position + separator, end)}`;
      copiedUpTo = end;
      localPartStart = end;
      position = end;
    } else {
      if (!isLocalPartCharacter(text.charCodeAt(position))) localPartStart = position + 1;
      position += 1;
    }
  }
  return masked + text.slice(copiedUpTo);
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
