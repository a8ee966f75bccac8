#!/usr/bin/env node
// `npm run test:contract [-- --chaos]`: install if needed, make sure the machine's Postgres and Redis
// are up, then replay a recorded stream into the four services (apps/platform-e2e). The replay brings
// its own Kafka broker and SMTP server, so it never mixes with a running `npm start` or `npm test`.
// STREAM_FILE, STREAM_EXPECTED, STREAM_CODES and REPLAY_SPEED are passed through.
import { ensureInstalled, run } from './lib.mjs';
import { ensurePostgres, ensureRedis } from '../infra/services.mjs';

await ensureInstalled();
await ensurePostgres();
await ensureRedis();
const status = await run(process.execPath, ['-r', '@swc-node/register', 'apps/platform-e2e/src/run-contract.ts', ...process.argv.slice(2)], {
  env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1' },
});
process.exit(status.code ?? 1);
