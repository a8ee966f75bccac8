import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ProxyTargets, routeOf } from './proxy-targets';
import { serveStatic } from './static-files';

export interface ConsoleServerOptions {
  readonly port: number;
  readonly host?: string;
  /** The `vite build` output (dist/apps/console). */
  readonly staticDir: string;
  readonly targets: ProxyTargets;
}

export interface ConsoleServer {
  readonly url: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

function forwardedHeaders(request: IncomingMessage): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/** Streams the request to the service and its answer back unchanged (server-sent events included). */
function proxy(request: IncomingMessage, response: ServerResponse, target: URL): void {
  const upstream = http.request(target, { method: request.method, headers: forwardedHeaders(request) }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    response.flushHeaders();
    answer.pipe(response);
  });
  upstream.on('error', (error) => {
    if (response.headersSent) {
      response.destroy(error);
      return;
    }
    response.writeHead(502, { 'content-type': 'application/problem+json' });
    response.end(JSON.stringify({ type: '/problems/bad-gateway', title: 'Bad Gateway', status: 502, detail: `${target.origin} did not answer (${error.message})` }));
  });
  response.on('close', () => upstream.destroy());
  request.pipe(upstream);
}

/** One origin for the browser: the built console plus `/api/<service>/*` proxied to the four services. */
export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const route = routeOf(url, options.targets);
    if (route !== null) {
      proxy(request, response, route.target);
      return;
    }
    serveStatic(options.staticDir, url, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`the console could not be served: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
