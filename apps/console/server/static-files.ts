import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Serves the built console; any path that is not a file gets index.html (the app routes by hash). */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const pathname = decodeURIComponent(new URL(urlPath, 'http://console').pathname);
  const requested = path.resolve(root, `.${pathname}`);
  const inside = requested.startsWith(path.resolve(root) + path.sep);
  const isFile = inside && (await stat(requested).then((s) => s.isFile(), () => false));
  const file = isFile ? requested : path.join(root, 'index.html');
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  response.writeHead(200, { 'content-type': type, 'cache-control': cache });
  createReadStream(file).pipe(response);
}
