#!/usr/bin/env node
// Local infrastructure: Kafka (our broker), PostgreSQL and Redis (the machine's), maildev (SMTP + inbox).
//
//   node tools/dev/infra.mjs up       bring everything up, one line per component
//   node tools/dev/infra.mjs down     stop what our pid files say we started (Kafka, maildev)
//   node tools/dev/infra.mjs status
//
// Node built-ins only. Postgres and Redis are never stopped: they are the machine's services.
import fs from 'node:fs';
import path from 'node:path';
import { brokerConfig, brokerStatus, ensureBroker, stopBroker } from '../kafka/broker.mjs';
import { ensureMaildev, maildevConfig, maildevStatus, stopMaildev } from '../infra/maildev.mjs';
import { ensurePostgres, ensureRedis, pgConfig, redisConfig } from '../infra/services.mjs';
import { otherLeases } from '../infra/lease.mjs';
import { cacheDir, fmtMs, portOpen, runIfScript } from '../infra/util.mjs';

/** Addresses of the local infrastructure, as the services and tests read them from the environment. */
export function infraEnv() {
  const kafka = brokerConfig();
  const mail = maildevConfig();
  const pg = pgConfig();
  const redis = redisConfig();
  return {
    KAFKA_BROKERS: kafka.address,
    PG_BASE_URL: `postgres://${pg.user}@${pg.address}`,
    REDIS_URL: redis.url,
    SMTP_URL: mail.smtpUrl,
    MAILDEV_API_URL: mail.webUrl,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  };
}

const steps = {
  kafka: async (log) => {
    const r = await ensureBroker({ log: (m) => log(m) });
    const detail = r.action === 'started' ? `pid ${r.pid}, log ${r.logFile}` : r.action === 'running' ? `ours, pid ${r.pid}` : 'not ours';
    return { name: 'kafka', action: r.action, address: r.address, detail, ms: r.ms };
  },
  postgres: async (log) => ({ ...(await ensurePostgres({ log })), detail: `user ${pgConfig().user}` }),
  redis: async (log) => ({ ...(await ensureRedis({ log })), detail: '' }),
  maildev: async () => {
    const r = await ensureMaildev();
    return { ...r, address: `smtp ${r.address}`, detail: `inbox ${r.webUrl}${r.pid ? `, pid ${r.pid}` : ''}` };
  },
};

/**
 * Brings every component up, concurrently. Never throws: a component that fails is reported with
 * its error so the caller can go on (npm test shows every failure in one run).
 * Returns { ok, results: [{name, action, address, detail, ms, error?}], started: [names we started] }.
 */
export async function infraUp({ log = console.log, quiet = false } = {}) {
  const results = await Promise.all(
    Object.entries(steps).map(async ([name, fn]) => {
      const t0 = Date.now();
      try {
        const r = await fn(log);
        return { ...r, name, ms: Date.now() - t0 };
      } catch (err) {
        return { name, action: 'FAILED', address: '', detail: '', error: err.message, ms: Date.now() - t0 };
      }
    }),
  );
  if (!quiet) printUp(results, log);
  return {
    ok: results.every((r) => !r.error),
    results,
    started: results.filter((r) => r.action === 'started').map((r) => r.name),
  };
}

export function printUp(results, log = console.log) {
  for (const r of results) {
    if (r.error) {
      log(`  ${r.name.padEnd(9)} FAILED    ${r.error.split('\n').join('\n            ')}`);
    } else {
      log(`  ${r.name.padEnd(9)} ${r.action.padEnd(9)} ${r.address}${r.detail ? `  (${r.detail})` : ''}  [${fmtMs(r.ms)}]`);
    }
  }
}

/** Stops the given components (default: Kafka and maildev), each only if our pid file names it. */
export async function infraDown({ only = ['kafka', 'maildev'], log = console.log } = {}) {
  const out = [];
  const others = otherLeases();
  if (others.length) log(`  warning: stopping while still used by ${describe(others)}`);
  const stops = { kafka: stopBroker, maildev: stopMaildev };
  // Reverse order of dependence does not matter here: the services are stopped before this.
  await Promise.all(
    only
      .filter((name) => stops[name])
      .map(async (name) => {
        const t0 = Date.now();
        try {
          const r = await stops[name]();
          out.push({ name, action: r.action, address: r.address, ms: Date.now() - t0 });
        } catch (err) {
          out.push({ name, action: 'FAILED', error: err.message, ms: Date.now() - t0 });
        }
      }),
  );
  for (const r of out) if (!r.error) fs.rmSync(handoverFile(r.name), { force: true });
  for (const r of out) {
    const what = { 'not ours': 'not started by us; left running', 'not running': 'not running' }[r.action] ?? r.action;
    log(`  ${r.name.padEnd(9)} ${r.error ? `FAILED ${r.error}` : what}${r.address ? `  ${r.address}` : ''}  [${fmtMs(r.ms)}]`);
  }
  return out;
}

const handoverFile = (name) => cacheDir('leases', `handover-${name}`);
const describe = (leases) => leases.map((l) => `pid ${l.pid} (${l.what} in ${l.cwd})`).join(', ');

/**
 * The end of a run (npm start/test/bench): stops what the run started, plus what an earlier run
 * started and handed over, unless another run still holds a lease; then it hands them over in
 * turn, and the last run out stops them. Returns { stopped, left, results }.
 */
export async function infraRelease({ started, log = console.log }) {
  const handed = Object.keys(steps).filter((name) => fs.existsSync(handoverFile(name)));
  const mine = [...new Set([...started, ...handed])];
  if (mine.length === 0) return { stopped: [], left: [], results: [] };
  const others = otherLeases();
  if (others.length) {
    fs.mkdirSync(path.dirname(handoverFile('x')), { recursive: true });
    for (const name of mine) fs.writeFileSync(handoverFile(name), `${process.pid}\n`);
    log(`  ${mine.join(', ')} left running: still used by ${describe(others)}, the last of which stops them`);
    return { stopped: [], left: mine, results: [] };
  }
  const results = await infraDown({ only: mine, log });
  return { stopped: mine, left: [], results };
}

export async function infraStatus({ log = console.log } = {}) {
  const kafka = await brokerStatus();
  const mail = await maildevStatus();
  const pg = pgConfig();
  const redis = redisConfig();
  const rows = [
    { name: 'kafka', up: kafka.up, state: kafka.state, address: kafka.address, detail: `jars ${kafka.jars}, log ${kafka.logFile}` },
    { name: 'postgres', up: await portOpen(pg.port), address: pg.address, detail: 'machine service' },
    { name: 'redis', up: await portOpen(redis.port), address: redis.address, detail: 'machine service' },
    { name: 'maildev', up: mail.up, state: mail.state, address: `smtp ${mail.address}`, detail: `inbox ${mail.webUrl}, log ${mail.logFile}` },
  ];
  for (const r of rows) {
    const state = r.state ?? (r.up ? 'up' : 'down');
    log(`  ${r.name.padEnd(9)} ${state.padEnd(30)} ${r.address}  (${r.detail})`);
  }
  return rows;
}

async function main(cmd) {
  const t0 = Date.now();
  if (cmd === 'up') {
    console.log('infra up:');
    const r = await infraUp();
    console.log(`infra ${r.ok ? 'ready' : 'FAILED'} in ${fmtMs(Date.now() - t0)}`);
    return r.ok ? 0 : 1;
  }
  if (cmd === 'down') {
    console.log('infra down:');
    const r = await infraDown();
    return r.some((x) => x.error) ? 1 : 0;
  }
  if (cmd === 'status') {
    console.log('infra status:');
    const rows = await infraStatus();
    return rows.every((r) => r.up) ? 0 : 3;
  }
  console.error('usage: node tools/dev/infra.mjs up|down|status');
  return 2;
}

runIfScript(import.meta.url, main, { stack: true });
