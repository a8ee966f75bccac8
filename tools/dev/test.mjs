#!/usr/bin/env node
// `npm test`: install, infrastructure, a fresh database and Redis prefix for this run, then lint,
// type-check and every project's Jest tests. Every step runs even when an earlier one failed, so
// one run shows every failure; the summary table lists each step; the exit code is non-zero on
// any failure. Arguments after `npm test --` go to Jest. At the end it drops the run's database
// and keys and stops the infrastructure this run started (never what was already running).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureInstalled, bin, cmdResult, createDatabase, deleteRedisPrefix, dropDatabase, dropStaleDatabases, newRunId, pgUrl, run, Steps } from './lib.mjs';
import { infraEnv, infraRelease, infraUp } from './infra.mjs';
import { watchBroker } from '../kafka/broker-watch.mjs';
import { takeLease } from '../infra/lease.mjs';
import { guardOutput } from '../infra/util.mjs';

guardOutput();

const t0 = Date.now();
const jestArgs = process.argv.slice(2);
const runId = newRunId();
const database = `promo_test_${runId}`;
const redisPrefix = `test-${runId}:`;
const steps = new Steps();

let interrupted = false;
const onSignal = (signal) => {
  // The foreground tool got the same Ctrl-C; let it end, then skip the rest and clean up.
  if (interrupted) return;
  interrupted = true;
  console.error(`\ntest: ${signal}; finishing the current step, then cleaning up`);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);

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

async function step(name, fn) {
  if (interrupted) return steps.skip(name, 'interrupted');
  return steps.run(name, fn);
}

function tool(name, args, opts = {}) {
  const path = bin(name);
  if (!path) return Promise.resolve({ ok: false, note: `node_modules/.bin/${name} is missing (did the install step fail?)` });
  return run(path, args, { env, ...opts }).then(cmdResult);
}

takeLease('npm test');
console.log(`test run ${runId}: database ${database}, redis prefix ${redisPrefix}${jestArgs.length ? `, jest args ${jestArgs.join(' ')}` : ''}`);

await step('install', () => ensureInstalled());

await step('infra', async () => {
  infra = await infraUp();
  const failed = infra.results.filter((r) => r.error).map((r) => r.name);
  const note = infra.results.map((r) => `${r.name} ${r.error ? 'FAILED' : r.action}`).join(', ');
  return { ok: failed.length === 0, note };
});

// The console's e2e tests drive Debian's Chromium through playwright-core (no browser download, X7).
const CHROMIUM = '/usr/bin/chromium';
await step('chromium', () => {
  if (fs.existsSync(CHROMIUM)) return { ok: true, note: `${CHROMIUM} present` };
  const apt = (args) => spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  let r = apt(['install', '-y', '-qq', 'chromium']);
  // A fresh machine may have no package lists yet: update once and retry.
  if (r.status !== 0) r = (apt(['update', '-qq']), apt(['install', '-y', '-qq', 'chromium']));
  if (r.status === 0 && fs.existsSync(CHROMIUM)) return { ok: true, note: `installed ${CHROMIUM} (apt-get install -y chromium)` };
  const why = r.error ? r.error.message : (r.stderr || r.stdout || '').trim().split('\n').slice(-1)[0] || `exit ${r.status}`;
  return { ok: false, note: `${CHROMIUM} is missing and \`apt-get install -y chromium\` failed (${why}); the console e2e tests need it (run it as root)` };
});

await step('database', async () => {
  const stale = await dropStaleDatabases('promo_test_').catch((err) => {
    console.warn(`database: could not drop stale test databases: ${err.message}`);
    return [];
  });
  await createDatabase(database);
  dbCreated = true;
  return { ok: true, note: `${database}${stale.length ? ` (dropped ${stale.length} older than a day)` : ''}` };
});

// `nx show projects` builds the project graph that @nx/enforce-module-boundaries reads.
await step('nx graph', () => tool('nx', ['show', 'projects'], { stdio: ['inherit', 'ignore', 'inherit'] }));
await step('lint', () => tool('eslint', ['.', '--max-warnings=0']));
await step('typecheck', async () => {
  const ts = await tool('tsc', ['-p', 'tsconfig.json', '--noEmit']);
  // The .mjs tooling is checked from its JSDoc (tools/tsconfig.mjs.json).
  const mjs = await tool('tsc', ['-p', 'tools/tsconfig.mjs.json']);
  return { ok: ts.ok && mjs.ok, note: [ts.note && `ts: ${ts.note}`, mjs.note && `tools .mjs: ${mjs.note}`].filter(Boolean).join('; ') };
});
// The console (React, DOM) has its own lint config and tsconfigs; the root ones leave apps/console out.
await step('lint console', () => tool('eslint', ['-c', 'apps/console/eslint.config.mjs', 'apps/console', '--max-warnings=0']));
await step('typecheck console', async () => {
  const app = await tool('tsc', ['-p', 'apps/console/tsconfig.json', '--noEmit']);
  const node = await tool('tsc', ['-p', 'apps/console/tsconfig.node.json', '--noEmit']);
  return { ok: app.ok && node.ok, note: [app.note && `app: ${app.note}`, node.note && `e2e/server: ${node.note}`].filter(Boolean).join('; ') };
});
// --forceExit: a consumer a failing test left connected must not hang CI after the verdict is in.
// Two suites at a time (JEST_WORKERS, unless the arguments choose): most of a suite's time is spent waiting on
// Kafka, Postgres and child processes, so two share the machine's two cores well; Jest's default on two cores is one.
// Every suite keeps its own schema, key prefix, topics, consumer groups and campaign ids, so two never meet.
const chosen = jestArgs.some((arg) => /^(-w|--maxWorkers|-i|--runInBand)(=|$)/.test(arg));
const workers = chosen ? [] : [`--maxWorkers=${process.env.JEST_WORKERS || 2}`];
const brokerWatch = watchBroker();
await step('jest', () => tool('jest', ['-c', 'jest.config.js', '--ci', '--forceExit', ...workers, ...jestArgs]));
await steps.run('kafka watch', () => brokerWatch.stop());

// Cleanup runs even after Ctrl-C.
interrupted = false;
await steps.run('cleanup', async () => {
  const notes = [];
  let ok = true;
  if (dbCreated) {
    try {
      await dropDatabase(database);
      notes.push(`dropped ${database}`);
    } catch (err) {
      ok = false;
      notes.push(`could not drop ${database}: ${err.message}`);
    }
  }
  try {
    const n = await deleteRedisPrefix(env.REDIS_URL, redisPrefix);
    notes.push(`deleted ${n} redis keys`);
  } catch (err) {
    notes.push(`redis keys left (${err.message})`);
  }
  const r = await infraRelease({ started: infra.started });
  if (r.results.some((x) => x.error)) ok = false;
  if (r.stopped.length) notes.push(`stopped ${r.stopped.join(', ')}`);
  if (r.left.length) notes.push(`left ${r.left.join(', ')} running for another run`);
  if (!r.stopped.length && !r.left.length) notes.push('infra left as found');
  return { ok, note: notes.join('; ') };
});

steps.print(`npm test summary (run ${runId})`, Date.now() - t0);
process.exit(steps.rows.some((r) => r.note === 'interrupted') ? 130 : steps.ok ? 0 : 1);
