import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { startConsoleServer } from './console-server';
import { targetsFromEnv } from './proxy-targets';

/** JSON log lines, like the services' (pino). */
const logger = pino({ base: { service: 'console' }, messageKey: 'msg', timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } });

// `npx nx run console:serve`: serves dist/apps/console (build it first: `npx nx run console:build`).
const staticDir = path.resolve(process.env['CONSOLE_DIST_DIR'] ?? path.join(__dirname, '../../../dist/apps/console'));
if (!existsSync(path.join(staticDir, 'index.html'))) {
  logger.fatal(`${staticDir}/index.html is missing; run \`npx nx run console:build\` first`);
  process.exit(78);
}
const port = Number(process.env['CONSOLE_PORT'] ?? '4200');
startConsoleServer({ port, host: process.env['CONSOLE_HOST'] ?? '127.0.0.1', staticDir, targets: targetsFromEnv(process.env) })
  .then((server) => {
    logger.info({ url: server.url }, `serving ${server.url}`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  })
  .catch((error: unknown) => {
    logger.fatal({ err: error }, `could not listen on ${port}`);
    process.exit(1);
  });
