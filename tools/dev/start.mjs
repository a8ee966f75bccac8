#!/usr/bin/env node
// `npm start`: install if needed, bring up the local infrastructure, run each service's migrations,
// start the four services as separate processes, wait for their /health/ready, print where to look.
// Ctrl-C (SIGINT/SIGTERM) stops the services (SIGTERM, SIGKILL after 15 s) and the infrastructure
// this script started, leaving no process behind.
//
//   node tools/dev/start.mjs            run until Ctrl-C
//   node tools/dev/start.mjs --check    start everything, check every /health/ready and /health/live,
//                                       print the results, shut down; exit 0 only if all four were 200
//   node tools/dev/start.mjs --replicas=N   N processes per service (as ops run them), on the service's
//                                       port + 100·k (k = 1..N), behind a round-robin balancer on the
//                                       service's own port; every replica's URL is printed
//   node tools/dev/start.mjs --cluster  the services on 3 Kafka brokers (replication 3, min ISR 2; tools/kafka/
//                                       cluster.mjs, ports 19400+) and a Redis Cluster of 3 masters and 3
//                                       replicas (tools/redis/cluster.mjs, ports 17000+); every node is printed.
//                                       Combines with --replicas=N. `--kafka-nodes=N` and `--redis-cluster`
//                                       choose each on its own.
//
// Each service's output is shown prefixed with its name and written to tmp/logs/<app>.log.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { maildevConfig } from '../infra/maildev.mjs';
import { fmtMs, guardOutput, portOpen, sleep, waitFor } from '../infra/util.mjs';
import { infraEnv, infraRelease, infraUp } from './infra.mjs';
import { takeLease } from '../infra/lease.mjs';
import { clusterDown as kafkaClusterDown, clusterUp as kafkaClusterUp } from '../kafka/cluster.mjs';
import { redisClusterDown, redisClusterUp } from '../redis/cluster.mjs';
import { ensureDatabase, ensureInstalled, pgUrl, repoRoot } from './lib.mjs';

const APPS = [
  { name: 'pricing', port: 3001 },
  { name: 'code-inventory', port: 3002 },
  { name: 'redemption-ledger', port: 3003 },
  { name: 'campaigns', port: 3004 },
];
const DATABASE = process.env.PROMO_DB || 'promotions';
const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 15_000;
const check = process.argv.includes('--check');
const CLUSTER = process.argv.includes('--cluster');
const KAFKA_NODES = Number(process.argv.find((a) => a.startsWith('--kafka-nodes='))?.slice('--kafka-nodes='.length) ?? (CLUSTER ? 3 : 1));
const REDIS_CLUSTER = CLUSTER || process.argv.includes('--redis-cluster');
if (!Number.isInteger(KAFKA_NODES) || KAFKA_NODES < 1 || KAFKA_NODES > 5) {
  console.error('start: --kafka-nodes must be an integer from 1 to 5');
  process.exit(2);
}
/** `--cluster`: the Kafka cluster and Redis Cluster in use, and which of them this run started (stopped on Ctrl-C). */
let clusters = null;
const replicasArg = process.argv.find((a) => a.startsWith('--replicas='))?.slice('--replicas='.length) ?? '1';
const REPLICAS = Number(replicasArg);
if (!Number.isInteger(REPLICAS) || REPLICAS < 1 || REPLICAS > 8) {
  console.error(`start: --replicas must be an integer from 1 to 8, got ${replicasArg}`);
  process.exit(64);
}
/** Where each replica of an app listens: the app's port alone, or port + 100·k behind a balancer on the app's port. */
const replicaPorts = (app) => (REPLICAS === 1 ? [app.port] : Array.from({ length: REPLICAS }, (_, k) => app.port + 100 * (k + 1)));
// Where the apps live; only changed to exercise this script against stand-in apps.
const appsDir = process.env.PROMO_APPS_DIR ? path.resolve(process.env.PROMO_APPS_DIR) : path.join(repoRoot, 'apps');
const logDir = path.join(repoRoot, 'tmp', 'logs');
const tty = process.stdout.isTTY;
const colors = [36, 35, 33, 32, 34, 31];
const t0 = Date.now();

/** Every child we spawned that may still run: { name, child, exited } */
const children = new Set();
let infraStarted = [];
let stopping = false;

// start.mjs's own messages also go to tmp/logs/start.log (the terminal may be gone at Ctrl-C).
fs.mkdirSync(logDir, { recursive: true });
const ownLog = path.join(logDir, 'start.log');
const note = (line) => {
  try {
    fs.appendFileSync(ownLog, `${new Date().toISOString()} ${line}\n`);
  } catch {
    /* best effort */
  }
};
const echo = (line) => {
  note(line);
  console.log(line);
};
const say = (msg) => echo(`start: ${msg}`);

function paint(text, i) {
  return tty ? `\x1b[${colors[i % colors.length]}m${text}\x1b[0m` : text;
}

/** Spawns `node -r @swc-node/register <file>` in its own process group, output prefixed and logged. */
function spawnTs(label, colorIndex, file, env, logStream, nodeArgs = ['-r', '@swc-node/register', file]) {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: repoRoot,
    env,
    detached: true, // own process group: Ctrl-C reaches only us, and we stop the whole group
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const entry = { name: label, child, exited: undefined };
  children.add(entry);
  const prefix = paint(`[${label}]`, colorIndex);
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      process.stdout.write(`${prefix} ${line}\n`);
      logStream.write(`${line}\n`);
    });
  }
  entry.done = new Promise((resolve) => {
    child.once('error', (err) => {
      entry.exited = `failed to spawn: ${err.message}`;
      resolve(entry.exited);
    });
    child.once('exit', (code, signal) => {
      entry.exited = signal ?? code;
      children.delete(entry);
      if (!stopping && label.indexOf(':') < 0) say(`${label} exited (${entry.exited}); see ${path.relative(repoRoot, logStream.path)}`);
      resolve(entry.exited);
    });
  });
  return entry;
}

async function stopChild(entry) {
  const { child } = entry;
  if (entry.exited !== undefined || !child.pid) return;
  const signal = (s) => {
    try {
      process.kill(-child.pid, s);
    } catch {
      /* group already gone */
    }
  };
  signal('SIGTERM');
  const timedOut = await Promise.race([entry.done.then(() => false), sleep(STOP_GRACE_MS).then(() => true)]);
  if (timedOut) {
    say(`${entry.name} did not stop within ${STOP_GRACE_MS / 1000} s; SIGKILL`);
    signal('SIGKILL');
    await Promise.race([entry.done, sleep(5000)]);
  }
  signal('SIGKILL'); // anything the service left behind in its group
}

async function shutdown(code, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) say(reason);
  const running = [...children];
  if (running.length) {
    say(`stopping ${running.map((e) => e.name).join(', ')} (SIGTERM, SIGKILL after ${STOP_GRACE_MS / 1000} s)`);
    const t = Date.now();
    await Promise.all(running.map(stopChild));
    say(`services stopped in ${fmtMs(Date.now() - t)}`);
  }
  if (clusters?.started.length) {
    say(`stopping the clusters this run started: ${clusters.started.join(', ')}`);
    if (clusters.started.includes('kafka cluster')) await kafkaClusterDown();
    if (clusters.started.includes('redis cluster')) await redisClusterDown();
  }
  if (infraStarted.length) say(`stopping the infrastructure this run started: ${infraStarted.join(', ')}`);
  const r = await infraRelease({ started: infraStarted, log: echo });
  if (!r.stopped.length && !r.left.length) say('infrastructure left as found (nothing was started by this run)');
  note(`exit ${code}`);
  process.exit(code);
}

process.on('SIGINT', () => shutdown(130, 'SIGINT received'));
process.on('SIGTERM', () => shutdown(143, 'SIGTERM received'));
process.on('SIGHUP', () => shutdown(129, 'SIGHUP received'));
// Last resort if we die with children left (an exception): kill their groups synchronously.
process.on('exit', () => {
  for (const e of children) {
    try {
      process.kill(-e.child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
});
guardOutput();
let crashed = false;
process.on('uncaughtException', (err) => {
  if (!crashed && !stopping) {
    crashed = true;
    try {
      console.error(err);
    } catch {
      /* output is gone */
    }
  }
  shutdown(1, 'unexpected error');
});

async function waitReady(port, entry) {
  const url = `http://127.0.0.1:${port}/health/ready`;
  const r = await waitFor(
    async () => {
      if (entry.exited !== undefined) return `exited (${entry.exited})`;
      const status = await httpStatus(url);
      return status === 200 ? 'ready' : undefined;
    },
    { timeoutMs: READY_TIMEOUT_MS, intervalMs: 500 },
  );
  if (r === 'ready') return { ok: true };
  return { ok: false, why: r ?? `not ready after ${READY_TIMEOUT_MS / 1000} s (last: ${await httpStatus(url)})` };
}

async function httpStatus(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.status;
  } catch (err) {
    return err.cause?.code ?? err.name;
  }
}

async function main() {
  takeLease(check ? 'npm start --check' : 'npm start');
  const installed = await ensureInstalled();
  if (!installed.ok) {
    console.error(`start: install failed: ${installed.note}`);
    process.exit(1);
  }
  say(`install: ${installed.note}`);

  console.log('infra up:');
  const infra = await infraUp({ log: echo });
  infraStarted = infra.started;
  if (!infra.ok) return shutdown(1, 'infrastructure is not complete; see above');
  if (stopping) return;

  try {
    if (await ensureDatabase(DATABASE)) say(`created database ${DATABASE}`);
  } catch (err) {
    return shutdown(1, `could not create database ${DATABASE}: ${err.message}`);
  }

  if (KAFKA_NODES > 1 || REDIS_CLUSTER) {
    try {
      clusters = await startClusters();
    } catch (err) {
      return shutdown(1, `the clusters did not start: ${err.message}`);
    }
    if (stopping) return;
  }
  const base = serviceInfraEnv();
  fs.mkdirSync(logDir, { recursive: true });
  const keys = demoApiKeys();
  // The keys pricing and campaigns call code-inventory with (#19): each only of the scope its calls need, made anew each run.
  const serviceKeys = { 'code-lookup': `svc_code_lookup_${crypto.randomBytes(16).toString('hex')}`, 'code-issue': `svc_code_issue_${crypto.randomBytes(16).toString('hex')}` };
  const codeInventoryKeyOf = { pricing: serviceKeys['code-lookup'], campaigns: serviceKeys['code-issue'] };
  const results = [];
  const launched = [];
  for (const [i, app] of APPS.entries()) {
    if (stopping) return;
    const dir = path.relative(repoRoot, path.join(appsDir, app.name, 'src'));
    const main = path.join(dir, 'main.ts');
    const migrate = path.join(dir, 'migrate.ts');
    const ports = replicaPorts(app);
    const res = { app, url: `http://127.0.0.1:${app.port}`, replicaUrls: REPLICAS === 1 ? [] : ports.map((p) => `http://127.0.0.1:${p}`), log: path.join('tmp', 'logs', `${app.name}.log`) };
    results.push(res);
    if (!fs.existsSync(path.join(repoRoot, main))) {
      res.status = `skipped: ${main} does not exist yet`;
      say(`${app.name}: ${res.status}`);
      continue;
    }
    const taken = [];
    for (const port of new Set([app.port, ...ports])) if (await portOpen(port)) taken.push(port);
    if (taken.length) {
      res.status = `FAILED: port ${taken.join(', ')} already in use by another process`;
      say(`${app.name}: ${res.status}`);
      continue;
    }
    const env = {
      ...process.env,
      PG_URL: pgUrl(DATABASE),
      REDIS_URL: base.REDIS_URL,
      ...(base.REDIS_CLUSTER_NODES ? { REDIS_CLUSTER_NODES: base.REDIS_CLUSTER_NODES } : {}),
      KAFKA_BROKERS: base.KAFKA_BROKERS,
      SMTP_URL: base.SMTP_URL,
      HTTP_PORT: String(app.port),
      // Replicas share the machine's Postgres (max_connections 100): smaller pools keep 4 services × N replicas under it.
      ...(REPLICAS > 1 && !process.env.PG_POOL_SIZE ? { PG_POOL_SIZE: '6' } : {}),
      // warn on the terminal keeps the summary readable; LOG_LEVEL=info for request and event logs.
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      // Only hashes reach the services (X3); the keys themselves are printed for the operator.
      API_KEYS: [`admin:${sha256(keys.admin)}`, `storefront:${sha256(keys.storefront)}`, ...Object.entries(serviceKeys).map(([scope, key]) => `${scope}:${sha256(key)}`)].join(','),
      CODE_INVENTORY_URL: 'http://127.0.0.1:3002',
      CODE_INVENTORY_API_KEY: codeInventoryKeyOf[app.name] ?? '',
    };
    const logStream = fs.createWriteStream(path.join(repoRoot, res.log), { flags: 'a' });
    logStream.write(`\n--- ${new Date().toISOString()} npm start ---\n`);
    if (fs.existsSync(path.join(repoRoot, migrate))) {
      const m = spawnTs(`${app.name}:migrate`, i, migrate, env, logStream);
      const code = await m.done;
      if (stopping) return;
      if (code !== 0) {
        res.status = `FAILED: migrations exited (${code}); see ${res.log}`;
        say(`${app.name}: ${res.status}`);
        continue;
      }
      say(`${app.name}: migrations done`);
    } else {
      say(`${app.name}: no ${migrate} yet; no migrations run`);
    }
    const entries = ports.map((port, k) => spawnTs(REPLICAS === 1 ? app.name : `${app.name}#${k + 1}`, i, main, { ...env, HTTP_PORT: String(port) }, logStream));
    if (REPLICAS > 1) {
      const balancer = path.join('apps', 'platform-e2e', 'src', 'cluster', 'balancer.main.ts');
      spawnTs(`${app.name}:balancer`, i, balancer, env, logStream, ['-r', '@swc-node/register', balancer, String(app.port), ports.join(',')]);
    }
    launched.push({ res, entries, ports });
  }

  await Promise.all(
    launched.map(async ({ res, entries, ports }) => {
      const replies = await Promise.all(entries.map((entry, k) => waitReady(ports[k], entry)));
      const failed = replies.map((r, k) => (r.ok ? null : `${REPLICAS === 1 ? '' : `replica ${k + 1}: `}${r.why}`)).filter(Boolean);
      res.status = failed.length === 0 ? 'ready' : `FAILED: ${failed.join('; ')}; see ${res.log}`;
      res.ready = failed.length === 0;
    }),
  );
  if (stopping) return;

  if (!check && !process.argv.includes('--no-console')) consoleState = await startConsole(keys);
  if (stopping) return;

  printSummary(results);
  const allReady = results.every((r) => r.ready);
  if (check) {
    const ok = await checkAll(results);
    return shutdown(ok && allReady ? 0 : 1, `--check ${ok && allReady ? 'passed' : 'FAILED'}; shutting down`);
  }
  if (!allReady) say('some services are not ready (see above); the rest keep running');
  if (allReady && !process.argv.includes('--no-demo')) {
    // X6: the demo store, set up through the admin APIs, and the recorded one-day stream replayed.
    const demoLog = fs.createWriteStream(path.join(logDir, 'demo.log'), { flags: 'a' });
    const demo = spawnTs('demo:load', 5, path.join('apps', 'platform-e2e', 'src', 'load-demo.ts'), {
      ...process.env,
      ADMIN_API_KEY: keys.admin,
      KAFKA_BROKERS: base.KAFKA_BROKERS,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    }, demoLog);
    const code = await demo.done;
    if (stopping) return;
    say(code === 0 ? 'demo store loaded and the recorded day replayed (summary above, also in tmp/logs/demo.log)' : `the demo load failed (${code}); see tmp/logs/demo.log`);
    printSummary(results);
  }
  say('running; press Ctrl-C to stop everything this run started');
  // Stay alive even when no service runs (the infrastructure is still ours to stop on Ctrl-C).
  setInterval(() => {}, 1 << 30);
}

// X7: the merchant console. Built with Vite into dist/apps/console, served by apps/console/server on one
// origin that proxies /api/<service>/* to the four services. CONSOLE_PORT (4200); --no-console skips it.
const CONSOLE_PORT = Number(process.env.CONSOLE_PORT || 4200);
let consoleState = null;

async function startConsole(keys) {
  const server = path.join('apps', 'console', 'server', 'main.ts');
  if (!fs.existsSync(path.join(repoRoot, server))) return 'skipped: apps/console does not exist';
  if (await portOpen(CONSOLE_PORT)) return `FAILED: port ${CONSOLE_PORT} is already in use by another process`;
  const logStream = fs.createWriteStream(path.join(logDir, 'console.log'), { flags: 'a' });
  logStream.write(`\n--- ${new Date().toISOString()} npm start ---\n`);
  say('console: building (vite build)');
  const vite = path.join('node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnTs('console:build', 4, vite, process.env, logStream, [vite, 'build', '-c', path.join('apps', 'console', 'vite.config.mts'), '--logLevel', 'warn']);
  const code = await build.done;
  if (code !== 0) return `FAILED: vite build exited (${code}); see tmp/logs/console.log`;
  const entry = spawnTs('console', 4, server, { ...process.env, CONSOLE_PORT: String(CONSOLE_PORT) }, logStream);
  const up = await waitFor(async () => entry.exited === undefined && (await portOpen(CONSOLE_PORT)), { timeoutMs: 30_000 });
  if (!up) return `FAILED: the console server did not listen on ${CONSOLE_PORT}; see tmp/logs/console.log`;
  // The key travels in the fragment: the browser never sends it to a server; the console moves it to sessionStorage.
  return `http://127.0.0.1:${CONSOLE_PORT}/#key=${encodeURIComponent(keys.admin)}   (signs in with the demo admin key; log tmp/logs/console.log)`;
}

/** `--kafka-nodes=N` / `--redis-cluster` (`--cluster`: both): KRaft brokers and a Redis Cluster, each started unless running. */
async function startClusters() {
  const started = [];
  let kafkaBrokers;
  let redisNodes;
  if (KAFKA_NODES > 1) {
    say(`cluster: ${KAFKA_NODES} Kafka brokers${KAFKA_NODES >= 3 ? ' (replication 3, min ISR 2)' : ''}`);
    const kafka = await kafkaClusterUp({ nodes: KAFKA_NODES, log: echo });
    for (const [i, r] of kafka.results.entries()) say(`kafka node ${i + 1}: ${r.action} at ${r.address}`);
    if (kafka.results.some((r) => r.action === 'started')) started.push('kafka cluster');
    kafkaBrokers = kafka.cluster.bootstrap;
  }
  if (REDIS_CLUSTER) {
    say('cluster: Redis Cluster (3 masters, 3 replicas)');
    const redis = await redisClusterUp({ log: echo });
    redis.cfg.nodes.forEach((n, i) => say(`redis node ${n.address}: ${redis.actions[i]}`));
    if (redis.actions.some((a) => a === 'started')) started.push('redis cluster');
    redisNodes = redis.cfg.nodeList;
  }
  return { kafkaBrokers, redisNodes, started };
}

/** What the services connect to: the local infrastructure, or the clusters chosen. */
function serviceInfraEnv() {
  const env = infraEnv();
  return {
    ...env,
    ...(clusters?.kafkaBrokers ? { KAFKA_BROKERS: clusters.kafkaBrokers } : {}),
    ...(clusters?.redisNodes ? { REDIS_CLUSTER_NODES: clusters.redisNodes } : {}),
  };
}

function printSummary(results) {
  const env = serviceInfraEnv();
  const mail = maildevConfig();
  const lines = ['', `promotions platform (up in ${fmtMs(Date.now() - t0)})`, '  services:'];
  for (const r of results) {
    const ok = r.ready ? 'ready' : r.status;
    lines.push(`    ${r.app.name.padEnd(18)} ${r.url}   ${ok}${r.replicaUrls.length ? `   (round-robin over ${r.replicaUrls.length} replicas)` : ''}`);
    for (const [k, url] of r.replicaUrls.entries()) lines.push(`    ${''.padEnd(18)} replica ${k + 1} ${url}   health ${url}/health/ready`);
    if (r.ready || r.status?.startsWith('FAILED')) {
      lines.push(`    ${''.padEnd(18)} health ${r.url}/health/ready  ${r.url}/health/live   log ${r.log}`);
      if (r.ready) lines.push(`    ${''.padEnd(18)} API docs ${r.url}/docs   metrics ${r.url}/metrics`);
    }
  }
  if (consoleState) lines.push('  console:', `    ${consoleState}`);
  lines.push(
    '  infrastructure:',
    ...(clusters?.kafkaBrokers ? env.KAFKA_BROKERS.split(',').map((b, i) => `    kafka node ${i + 1}       ${b}`) : [`    kafka              ${env.KAFKA_BROKERS}`]),
    `    postgres           ${pgUrl(DATABASE)}`,
    ...(clusters?.redisNodes ? env.REDIS_CLUSTER_NODES.split(',').map((n) => `    redis cluster      ${n}`) : [`    redis              ${env.REDIS_URL}`]),
    `    smtp (maildev)     ${mail.smtpUrl}`,
    `    mail inbox         ${mail.webUrl}`,
    `  logs: ${path.relative(process.cwd(), logDir) || '.'}/<app>.log (service output is also shown above, prefixed)`,
    `  infrastructure started by this run (stopped on Ctrl-C): ${[...infraStarted, ...(clusters?.started ?? [])].join(', ') || 'none'}`,
    '  demo API keys (header x-api-key; kept in tmp/demo-api-keys.json):',
    `    admin              ${demoApiKeys().admin}`,
    `    storefront         ${demoApiKeys().storefront}`,
    '',
  );
  console.log(lines.join('\n'));
}

async function checkAll(results) {
  console.log('health check:');
  let ok = true;
  for (const r of results) {
    if (r.status?.startsWith('skipped')) {
      console.log(`  ${r.app.name.padEnd(18)} skipped (${r.status.replace('skipped: ', '')})`);
      continue;
    }
    for (const url of [r.url, ...r.replicaUrls]) {
      for (const p of ['/health/ready', '/health/live']) {
        const status = await httpStatus(`${url}${p}`);
        if (status !== 200) ok = false;
        console.log(`  ${`${url}${p}`.padEnd(40)} ${status}`);
      }
    }
  }
  return ok;
}

/** Local demo keys, one per scope, made once and kept under tmp/ (never committed). */
function demoApiKeys() {
  const file = path.join(repoRoot, 'tmp', 'demo-api-keys.json');
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof saved.admin === 'string' && typeof saved.storefront === 'string') return saved;
  } catch {
    // no keys yet: make them below
  }
  const keys = { admin: `demo_admin_${crypto.randomBytes(16).toString('hex')}`, storefront: `demo_storefront_${crypto.randomBytes(16).toString('hex')}` };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

function sha256(text) {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

main().catch((err) => {
  console.error(err);
  shutdown(1, 'start failed');
});
