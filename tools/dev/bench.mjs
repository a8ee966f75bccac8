#!/usr/bin/env node
// `npm run bench`: install if needed, bring up the infrastructure, then every project's `bench`
// target (`nx run-many -t bench`) with the same environment as the tests: a fresh database and
// Redis key prefix for this run. Arguments after `npm run bench --` go to nx (for example
// `--projects=pricing-engine`). Stops the infrastructure this run started.
import { bin, cmdResult, createDatabase, deleteRedisPrefix, dropDatabase, dropStaleDatabases, ensureInstalled, newRunId, pgUrl, run, Steps } from './lib.mjs';
import { infraEnv, infraRelease, infraUp } from './infra.mjs';
import { takeLease } from '../infra/lease.mjs';
import { guardOutput } from '../infra/util.mjs';

guardOutput();
const t0 = Date.now();
const nxArgs = process.argv.slice(2);
const runId = newRunId();
const database = `promo_bench_${runId}`;
const redisPrefix = `bench-${runId}:`;
const steps = new Steps();
let interrupted = false;
process.on('SIGINT', () => (interrupted = true));
process.on('SIGTERM', () => (interrupted = true));
process.on('SIGHUP', () => (interrupted = true));

takeLease('npm run bench');
const base = infraEnv();
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  KAFKA_BROKERS: base.KAFKA_BROKERS,
  PG_URL: pgUrl(database),
  REDIS_URL: base.REDIS_URL,
  REDIS_KEY_PREFIX: redisPrefix,
  SMTP_URL: base.SMTP_URL,
  MAILDEV_API_URL: base.MAILDEV_API_URL,
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
  PROMO_TEST_RUN_ID: runId,
};
let infra = { started: [] };
let dbCreated = false;

await steps.run('install', () => ensureInstalled());
if (!interrupted) {
  await steps.run('infra', async () => {
    infra = await infraUp();
    return { ok: infra.ok, note: infra.results.map((r) => `${r.name} ${r.error ? 'FAILED' : r.action}`).join(', ') };
  });
}
if (!interrupted) {
  await steps.run('database', async () => {
    await dropStaleDatabases('promo_bench_').catch(() => []);
    await createDatabase(database);
    dbCreated = true;
    return { ok: true, note: database };
  });
}
if (!interrupted) {
  await steps.run('bench', async () => {
    const nx = bin('nx');
    if (!nx) return { ok: false, note: 'node_modules/.bin/nx is missing' };
    // One project at a time: each benchmark measures its figures beside a baseline on a machine it has to itself.
    return cmdResult(await run(nx, ['run-many', '-t', 'bench', '--parallel=1', ...nxArgs], { env }));
  });
}
await steps.run('cleanup', async () => {
  const notes = [];
  if (dbCreated) await dropDatabase(database).then(() => notes.push(`dropped ${database}`), (err) => notes.push(`could not drop ${database}: ${err.message}`));
  await deleteRedisPrefix(env.REDIS_URL, redisPrefix).then((n) => notes.push(`deleted ${n} redis keys`), () => {});
  const r = await infraRelease({ started: infra.started });
  if (r.stopped.length) notes.push(`stopped ${r.stopped.join(', ')}`);
  if (r.left.length) notes.push(`left ${r.left.join(', ')} running for another run`);
  return { ok: true, note: notes.join('; ') };
});
steps.print(`npm run bench summary (run ${runId})`, Date.now() - t0);
process.exit(steps.ok && !interrupted ? 0 : 1);
