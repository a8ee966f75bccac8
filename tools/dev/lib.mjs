// Helpers shared by start.mjs, test.mjs and bench.mjs. Node built-ins at the top level only;
// `pg` and `ioredis` are imported dynamically, after the install step.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pgConfig } from '../infra/services.mjs';
import { fmtMs, repoRoot } from '../infra/util.mjs';

export { repoRoot };

/** `npm ci` when node_modules is missing or package-lock.json changed since the last install. */
export async function ensureInstalled({ log = console.log } = {}) {
  const lock = path.join(repoRoot, 'package-lock.json');
  const installed = path.join(repoRoot, 'node_modules', '.package-lock.json');
  let reason;
  if (!fs.existsSync(path.join(repoRoot, 'node_modules'))) reason = 'node_modules is missing';
  else if (!fs.existsSync(installed)) reason = 'node_modules/.package-lock.json is missing';
  else if (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs) reason = 'package-lock.json is newer than node_modules';
  if (!reason) return { ok: true, note: 'node_modules up to date' };
  log(`install: ${reason}; running npm ci`);
  const r = await run('npm', ['ci', '--no-audit', '--no-fund'], { env: process.env });
  return r.code === 0 ? { ok: true, note: `npm ci (${reason})` } : { ok: false, note: `npm ci exited ${r.code ?? r.signal}` };
}

/**
 * Runs a command in the foreground; resolves with { code, signal } (never rejects).
 * @param {string} cmd
 * @param {readonly string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, stdio?: import('node:child_process').StdioOptions, cwd?: string }} [options]
 */
export function run(cmd, args, { env = process.env, stdio = 'inherit', cwd = repoRoot } = {}) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(cmd, args, { env, stdio, cwd });
    } catch (err) {
      resolve({ code: 127, error: err.message });
      return;
    }
    child.once('error', (err) => resolve({ code: 127, error: err.message }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Path of a tool installed in node_modules/.bin, or undefined (then the caller reports it). */
export function bin(name) {
  const p = path.join(repoRoot, 'node_modules', '.bin', name);
  return fs.existsSync(p) ? p : undefined;
}

/** `20261125150301_a1b2c3`: sortable, unique enough for databases and key prefixes of one run. */
export function newRunId() {
  const ts = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${ts}_${crypto.randomBytes(3).toString('hex')}`;
}

function runIdTime(name) {
  const m = /_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_/.exec(name);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

export function pgUrl(database) {
  const cfg = pgConfig();
  return `postgres://${cfg.user}@${cfg.address}/${database}`;
}

async function withAdmin(fn) {
  const { default: pg } = await import('pg');
  const cfg = pgConfig();
  const client = new pg.Client({ host: cfg.host, port: cfg.port, user: cfg.user, database: 'postgres', connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabase(name) {
  await withAdmin((c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
}

/** Creates the database if it does not exist; returns true if it created it. */
export async function ensureDatabase(name) {
  return withAdmin(async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  });
}

export async function dropDatabase(name) {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** Drops databases named `<prefix><runid>` whose run id is older than maxAgeMs (leftovers of killed runs). */
export async function dropStaleDatabases(prefix, maxAgeMs = 24 * 3600_000) {
  return withAdmin(async (c) => {
    const { rows } = await c.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    const dropped = [];
    for (const { datname } of rows) {
      const t = runIdTime(datname);
      if (t !== undefined && Date.now() - t > maxAgeMs) {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
        dropped.push(datname);
      }
    }
    return dropped;
  });
}

/** Deletes the run's Redis keys (SCAN, never KEYS). Returns how many it deleted. */
export async function deleteRedisPrefix(url, prefix) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix.replace(/([*?[\]\\])/g, '\\$1')}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** Records named steps with their status and duration, and prints them as a table. */
export class Steps {
  constructor() {
    this.rows = [];
  }

  /** Runs fn (returns { ok, note? } or throws); a thrown error is a failed step, never fatal. */
  async run(name, fn) {
    const t0 = Date.now();
    banner(name);
    /** @type {{ name: string, status: string, note: string, ms?: number }} */
    let row;
    try {
      const r = (await fn()) ?? { ok: true };
      row = { name, status: r.skipped ? 'skipped' : r.ok ? 'ok' : 'FAILED', note: r.note ?? '' };
    } catch (err) {
      console.error(`${name}: ${err.message}`);
      row = { name, status: 'FAILED', note: String(err.message).split('\n')[0] };
    }
    row.ms = Date.now() - t0;
    this.rows.push(row);
    return row.status !== 'FAILED';
  }

  skip(name, note) {
    this.rows.push({ name, status: 'skipped', note, ms: 0 });
  }

  get ok() {
    return this.rows.every((r) => r.status !== 'FAILED');
  }

  print(title, totalMs) {
    const w = Math.max(...this.rows.map((r) => r.name.length), 4);
    const lines = [
      '',
      `${title}`,
      `  ${'step'.padEnd(w)}  ${'status'.padEnd(7)}  ${'time'.padStart(8)}  note`,
      `  ${'-'.repeat(w)}  -------  --------  ----`,
      ...this.rows.map((r) => `  ${r.name.padEnd(w)}  ${r.status.padEnd(7)}  ${fmtMs(r.ms).padStart(8)}  ${r.note}`),
      `  ${'-'.repeat(w)}  -------  --------`,
      `  ${'total'.padEnd(w)}  ${(this.ok ? 'ok' : 'FAILED').padEnd(7)}  ${fmtMs(totalMs).padStart(8)}`,
    ];
    console.log(lines.join('\n'));
  }
}

function banner(name) {
  console.log(`\n=== ${name} ${'='.repeat(Math.max(3, 70 - name.length))}`);
}

/** Describes a command result for a summary row. */
export function cmdResult(r) {
  if (r.error) return { ok: false, note: r.error };
  if (r.signal) return { ok: false, note: `killed by ${r.signal}` };
  return { ok: r.code === 0, note: r.code === 0 ? '' : `exit ${r.code}` };
}
