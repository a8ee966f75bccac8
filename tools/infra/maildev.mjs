// maildev (npm devDependency): an SMTP server that keeps every mail, with a web inbox and a REST API.
// Started detached from node_modules, pid file in the cache, readiness by port; reused if up.
//   SMTP 127.0.0.1:${MAILDEV_SMTP_PORT:-1025}, inbox http://127.0.0.1:${MAILDEV_WEB_PORT:-1080}
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, envInt, portOpen, readPid, repoRoot, stopPid, tail, waitFor } from './util.mjs';

const PID_MARKER = 'maildev';

export function maildevConfig() {
  const smtpPort = envInt('MAILDEV_SMTP_PORT', 1025);
  const webPort = envInt('MAILDEV_WEB_PORT', 1080);
  const dir = cacheDir('maildev', `smtp-${smtpPort}`);
  return {
    smtpPort,
    webPort,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    address: `127.0.0.1:${smtpPort}`,
    dir,
    pidFile: path.join(dir, 'maildev.pid'),
    logFile: path.join(dir, 'maildev.log'),
  };
}

function maildevBin() {
  // The package's own entry point, run with this node (no shell shim, so the pid is maildev's).
  const bin = path.join(repoRoot, 'node_modules', 'maildev', 'bin', 'maildev');
  if (!fs.existsSync(bin)) throw new Error(`maildev: ${bin} is missing; run \`npm ci\` first (maildev is a devDependency).`);
  return bin;
}

export async function ensureMaildev({ timeoutMs = 30_000 } = {}) {
  const cfg = maildevConfig();
  const ours = readPid(cfg.pidFile, PID_MARKER);
  const [smtp, web] = await Promise.all([portOpen(cfg.smtpPort), portOpen(cfg.webPort)]);
  const base = { name: 'maildev', address: cfg.address, smtpUrl: cfg.smtpUrl, webUrl: cfg.webUrl, logFile: cfg.logFile };
  if (smtp && web) return { ...base, action: ours ? 'running' : 'reused', pid: ours };
  if (!ours && (smtp || web)) {
    throw new Error(`maildev: port ${smtp ? cfg.smtpPort : cfg.webPort} is taken by another process; set MAILDEV_SMTP_PORT / MAILDEV_WEB_PORT`);
  }
  let pid = ours;
  let exited;
  if (!pid) {
    fs.mkdirSync(cfg.dir, { recursive: true });
    const out = fs.openSync(cfg.logFile, 'w');
    const child = spawn(process.execPath, [maildevBin(), '--smtp', String(cfg.smtpPort), '--web', String(cfg.webPort), '--ip', '127.0.0.1'], {
      detached: true,
      stdio: ['ignore', out, out],
      cwd: cfg.dir,
    });
    fs.closeSync(out);
    child.on('exit', (code, signal) => (exited = signal ?? code));
    child.unref();
    pid = child.pid;
    fs.writeFileSync(cfg.pidFile, `${pid}\n`);
  }
  const ready = await waitFor(
    async () => exited !== undefined || ((await portOpen(cfg.smtpPort)) && (await portOpen(cfg.webPort))),
    { timeoutMs, intervalMs: 100 },
  );
  if (!ready || exited !== undefined) {
    if (exited === undefined) await stopPid(pid, { graceMs: 3000 });
    fs.rmSync(cfg.pidFile, { force: true });
    throw new Error(`maildev: ${exited !== undefined ? `exited (${exited})` : 'not ready in time'}. Last lines of ${cfg.logFile}:\n${tail(cfg.logFile, 20)}`);
  }
  return { ...base, action: ours ? 'running' : 'started', pid };
}

export async function stopMaildev() {
  const cfg = maildevConfig();
  const pid = readPid(cfg.pidFile, PID_MARKER);
  if (!pid) return { name: 'maildev', action: (await portOpen(cfg.smtpPort)) ? 'not ours' : 'not running', address: cfg.address };
  const how = await stopPid(pid, { graceMs: 10_000 });
  fs.rmSync(cfg.pidFile, { force: true });
  return { name: 'maildev', action: how, pid, address: cfg.address };
}

export async function maildevStatus() {
  const cfg = maildevConfig();
  const pid = readPid(cfg.pidFile, PID_MARKER);
  const up = (await portOpen(cfg.smtpPort)) && (await portOpen(cfg.webPort));
  const state = up ? (pid ? `running (ours, pid ${pid})` : 'answering (not started by us)') : pid ? `starting (pid ${pid})` : 'down';
  return { name: 'maildev', up, ours: Boolean(pid), pid, state, address: cfg.address, webUrl: cfg.webUrl, logFile: cfg.logFile };
}
