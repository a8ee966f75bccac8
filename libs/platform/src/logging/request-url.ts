import type { IncomingMessage } from 'node:http';

/** The URL as the client sent it (a router mounted under a path rewrites `url`). */
export function urlOf(request: IncomingMessage): string {
  const original = (request as { readonly originalUrl?: unknown }).originalUrl;
  return typeof original === 'string' ? original : (request.url ?? '');
}
