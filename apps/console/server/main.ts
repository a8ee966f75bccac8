import { existsSync } from 'node:fs';
import path from 'node:path';
import { startConsoleServer } from './console-server';
import { targetsFromEnv } from './proxy-targets';

// `npx nx run console:serve`: serves dist/apps/console (build it first: `npx nx run console:build`).
const staticDir = path.resolve(process.env['CONSOLE_DIST_DIR'] ?? path.join(__dirname, '../../../dist/apps/console'));
if (!existsSync(path.join(staticDir, 'index.html'))) {
  console.error(`console: ${staticDir}/index.html is missing; run \`npx nx run console:build\` first`);
  process.exit(78);
}
const port = Number(process.env['CONSOLE_PORT'] ?? '4200');
startConsoleServer({ port, host: process.env['CONSOLE_HOST'] ?? '127.0.0.1', staticDir, targets: targetsFromEnv(process.env) })
  .then((server) => {
    console.log(`console: serving ${server.url}`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  })
  .catch((error: unknown) => {
    console.error(`console: could not listen on ${port}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
