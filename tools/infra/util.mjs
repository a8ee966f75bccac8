// Small helpers shared by the local-infrastructure scripts. Node built-ins only: these scripts run
// before `npm ci` has installed anything.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Cache for everything that must live outside the repository (jars, broker data, pid files). */
export function cacheDir(...parts) {
  const base = process.env.PROMO_CACHE_DIR || path.join(os.homedir(), '.cache', 'promotions');
  return path.join(base, ...parts);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function envInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`${name}=${raw} is not a valid port`);
  return n;
}

/** True when something accepts a TCP connection on host:port within timeoutMs. */
export function portOpen(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Polls `check` until it returns a truthy value; returns that value, or undefined on timeout. */
export async function waitFor(check, { timeoutMs, intervalMs = 100 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() >= deadline) return undefined;
    await sleep(intervalMs);
  }
}

export function alive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** The command line of a process (Linux), or '' when it is gone. */
export function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/**
 * Reads a pid file and returns the pid only if that process is still ours: alive and its command
 * line contains `marker` (guards against a recycled pid). A stale file is removed.
 */
export function readPid(file, marker) {
  let pid;
  try {
    pid = Number(fs.readFileSync(file, 'utf8').trim());
  } catch {
    return undefined;
  }
  if (pid > 0 && alive(pid) && cmdline(pid).includes(marker)) return pid;
  fs.rmSync(file, { force: true });
  return undefined;
}

/** SIGTERM the process (its group when it leads one), wait, then SIGKILL after graceMs. */
export async function stopPid(pid, { graceMs = 30_000, group = true } = {}) {
  const send = (signal) => {
    try {
      process.kill(group ? -pid : pid, signal);
    } catch {
      try {
        process.kill(pid, signal);
      } catch {
        /* already gone */
      }
    }
  };
  if (!alive(pid)) return 'not running';
  send('SIGTERM');
  if (await waitFor(() => !alive(pid) || isZombie(pid), { timeoutMs: graceMs, intervalMs: 50 })) return 'stopped';
  send('SIGKILL');
  await waitFor(() => !alive(pid) || isZombie(pid), { timeoutMs: 5000, intervalMs: 50 });
  return 'killed';
}

/**
 * A zombie waiting to be reaped counts as gone. A JVM whose main thread has exited while its other
 * threads still shut down also shows state Z for its pid, so count the live threads too.
 */
function isZombie(pid) {
  try {
    if (!/^\d+ \(.*\) Z/s.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))) return false;
    return fs.readdirSync(`/proc/${pid}/task`).length <= 1;
  } catch {
    return true;
  }
}

export function tail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines - 1).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}

export function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * A cross-process lock made of a directory (atomic mkdir). A lock whose owner died is taken over.
 * Serialises concurrent `ensureBroker` calls (for example two terminals running `npm test`).
 */
export async function withLock(dir, fn, { timeoutMs = 15 * 60_000 } = {}) {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'owner'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner = 0;
      try {
        owner = Number(fs.readFileSync(path.join(dir, 'owner'), 'utf8'));
      } catch {
        /* being created or removed right now */
      }
      if (owner && !alive(owner)) {
        fs.rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${dir} (held by pid ${owner})`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function fmtMs(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Keeps a broken stdout/stderr (for example `npm start | tee log` after Ctrl-C killed tee) from
 * crashing the script or looping on EPIPE before it has stopped what it started.
 */
export function guardOutput() {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => {
      /* the reader is gone; keep shutting down quietly */
    });
  }
}

/**
 * Runs `main(command)` when the module at `moduleUrl` is the script node was started with, and exits
 * with its code; an error prints its message (its stack with `stack: true`) and exits 1.
 */
export function runIfScript(moduleUrl, main, { stack = false } = {}) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  main(process.argv[2]).then(
    (code) => process.exit(code),
    async (err) => {
      console.error(stack ? (err.stack ?? err) : err.message);
      await sleep(0);
      process.exit(1);
    },
  );
}
