import type { IncomingHttpHeaders } from 'node:http';

/**
 * What the services read of a request: the same on Express' Request and Fastify's FastifyRequest, so a
 * guard or filter written against it runs on either adapter (HTTP_ADAPTER).
 */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly originalUrl?: string;
  readonly headers: IncomingHttpHeaders;
  readonly socket: { readonly remoteAddress?: string | undefined };
}

/** What the services do to a response: the methods Express' Response and Fastify's FastifyReply share. */
export interface HttpReply {
  status(code: number): HttpReply;
  header(name: string, value: string): HttpReply;
  type(contentType: string): HttpReply;
  send(body: string): unknown;
}

/** The URL as the client sent it (a router mounted under a path rewrites `url`). */
export function requestUrlOf(request: HttpRequest): string {
  return request.originalUrl ?? request.url;
}
