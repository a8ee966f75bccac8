// PostgreSQL and Redis are the machine's own services: we detect them by TCP, start them with the
// machine's commands when they are down, and otherwise fail naming what is missing. We never stop
// them (they were running before us and other projects may use them).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { envInt, portOpen, waitFor, which } from './util.mjs';

export function pgConfig() {
  const port = envInt('PG_PORT', 5432);
  return { host: '127.0.0.1', port, user: process.env.PG_USER || 'postgres', address: `127.0.0.1:${port}` };
}

export function redisConfig() {
  const port = envInt('REDIS_PORT', 6379);
  return { host: '127.0.0.1', port, address: `127.0.0.1:${port}`, url: `redis://127.0.0.1:${port}` };
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim() };
}

export async function ensurePostgres({ log = console.log } = {}) {
  const cfg = pgConfig();
  if (await portOpen(cfg.port)) return { name: 'postgres', action: 'reused', address: cfg.address };
  const hint =
    `Start PostgreSQL on ${cfg.address} (trust auth for user "${cfg.user}"), on this kind of machine with:\n` +
    `  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`;
  if (!which('pg_ctlcluster')) throw new Error(`postgres: nothing listens on ${cfg.address} and pg_ctlcluster is not installed (package postgresql).\n${hint}`);
  let versions = [];
  try {
    versions = fs.readdirSync('/etc/postgresql');
  } catch {
    /* no cluster configured */
  }
  if (versions.length === 0) throw new Error(`postgres: nothing listens on ${cfg.address} and /etc/postgresql has no cluster.\n${hint}`);
  const outputs = [];
  let anyStarted = false;
  for (const v of versions) {
    log(`postgres: down on ${cfg.address}; running pg_ctlcluster --skip-systemctl-redirect ${v} main start`);
    const r = run('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start']);
    anyStarted ||= r.ok;
    if (r.out) outputs.push(r.out);
  }
  // A failed start (for example "Cluster is already running" on another port) will not open the port.
  if (await waitFor(() => portOpen(cfg.port), { timeoutMs: anyStarted ? 30_000 : 2000, intervalMs: 200 })) {
    return { name: 'postgres', action: 'started (machine service)', address: cfg.address };
  }
  throw new Error(`postgres: still nothing on ${cfg.address} after pg_ctlcluster start.\n${outputs.join('\n')}\n${hint}`);
}

export async function ensureRedis({ log = console.log } = {}) {
  const cfg = redisConfig();
  if (await portOpen(cfg.port)) return { name: 'redis', action: 'reused', address: cfg.address };
  const args = ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', String(cfg.port), '--save', '', '--appendonly', 'no', '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log'];
  const hint = `Start Redis on ${cfg.address}, on this kind of machine with:\n  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port ${cfg.port} --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log`;
  if (!which('redis-server')) throw new Error(`redis: nothing listens on ${cfg.address} and redis-server is not installed (package redis-server).\n${hint}`);
  log(`redis: down on ${cfg.address}; running redis-server --daemonize yes ...`);
  const r = run('redis-server', args);
  if (await waitFor(() => portOpen(cfg.port), { timeoutMs: 15_000, intervalMs: 100 })) {
    return { name: 'redis', action: 'started (machine service)', address: cfg.address };
  }
  throw new Error(`redis: still nothing on ${cfg.address} after redis-server.\n${r.out}\n${hint}`);
}
