#!/usr/bin/env node
// A real Apache Kafka broker (KRaft, single node) for local runs and tests, run with `java` from the
// broker's jars on Maven Central. No Docker, no downloaded distribution.
//
//   node tools/kafka/broker.mjs up [--fresh]|down|status   (--fresh: wipe this port's broker state first)
//
// Jars:   ${PROMO_CACHE_DIR:-~/.cache/promotions}/kafka/libs   (mvn dependency:copy-dependencies, once)
// State:  ${PROMO_CACHE_DIR:-~/.cache/promotions}/kafka/broker-<port>/{server.properties,data,broker.log,broker.pid}
// Ports:  KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093), on 127.0.0.1.
//
// Node built-ins only (this runs before `npm ci`).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, envInt, fmtMs, portOpen, readPid, runIfScript, stopPid, tail, waitFor, which, withLock } from '../infra/util.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const POM = path.join(here, 'pom.xml');
const LOG4J = path.join(here, 'log4j2.properties');
const TEMPLATE = path.join(here, 'server.properties.template');
const HOST = '127.0.0.1';
const READY_LINE = 'Kafka Server started';
const PID_MARKER = 'kafka.Kafka';

/**
 * One node's settings. Alone (the default) it is node 1, its own quorum, replication factor 1; a
 * cluster (cluster.mjs) gives each node its id, the quorum's voters, the cluster's id, replication
 * and min ISR, and a state directory of the cluster's.
 */
export function brokerConfig(overrides = {}) {
  const port = overrides.port ?? envInt('KAFKA_PORT', 19092);
  const controllerPort = overrides.controllerPort ?? envInt('KAFKA_CONTROLLER_PORT', 19093);
  const home = cacheDir('kafka');
  const stateDir = overrides.stateDir ?? path.join(home, `broker-${port}`);
  const nodeId = overrides.nodeId ?? 1;
  return {
    host: HOST,
    port,
    controllerPort,
    nodeId,
    voters: overrides.voters ?? `${nodeId}@${HOST}:${controllerPort}`,
    replication: overrides.replication ?? 1,
    minIsr: overrides.minIsr ?? 1,
    clusterId: overrides.clusterId,
    address: `${HOST}:${port}`,
    home,
    libsDir: path.join(home, 'libs'),
    stateDir,
    dataDir: overrides.dataDir ? path.resolve(overrides.dataDir) : path.join(stateDir, 'data'),
    propsFile: path.join(stateDir, 'server.properties'),
    logFile: path.join(stateDir, 'broker.log'),
    pidFile: path.join(stateDir, 'broker.pid'),
    lockDir: path.join(home, `.lock-${port}`),
  };
}

/** A KRaft cluster id: 16 random bytes, base64url, not starting with '-' (the storage tool reads it as a flag). */
export function newClusterId() {
  let clusterId;
  do clusterId = crypto.randomBytes(16).toString('base64url');
  while (clusterId.startsWith('-'));
  return clusterId;
}

function kafkaVersion() {
  const m = /<kafka\.version>([^<]+)</.exec(fs.readFileSync(POM, 'utf8'));
  return m ? m[1] : 'unknown';
}

/** What the jar cache must have been made from: the pom's content, so a version bump refetches. */
function jarsMarker() {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(POM)).digest('hex');
  return `kafka ${kafkaVersion()} pom-sha256 ${hash}\n`;
}

function javaBin() {
  const fromHome = process.env.JAVA_HOME && path.join(process.env.JAVA_HOME, 'bin', 'java');
  if (fromHome && fs.existsSync(fromHome)) return fromHome;
  const onPath = which('java');
  if (!onPath) throw new Error('Kafka needs Java 17 or newer: no `java` on PATH and no JAVA_HOME (install openjdk-17-jre-headless).');
  return onPath;
}

function jvmArgs(cfg) {
  return [
    '-Xms256m',
    // A full npm test leaves about 2,500 partitions and their groups on the shared broker (old generation
    // 223 MB of 512 at the end of a run); 1 GB keeps it clear of the limit. The heap grows only as needed.
    '-Xmx1g',
    '-XX:+UseG1GC',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${LOG4J}`,
    '-cp',
    path.join(cfg.libsDir, '*'),
  ];
}

/** Copies the broker's jars from Maven Central into the cache, once. Returns true if it fetched. */
export function ensureJars(cfg = brokerConfig(), log = console.log) {
  const markerFile = path.join(cfg.libsDir, '.complete');
  const want = jarsMarker();
  if (fs.existsSync(markerFile) && fs.readFileSync(markerFile, 'utf8') === want) return false;
  const mvn = which('mvn');
  if (!mvn) throw new Error('Fetching the Kafka jars needs Apache Maven: no `mvn` on PATH (install maven).');
  log(`kafka: fetching Kafka ${kafkaVersion()} jars from Maven Central into ${cfg.libsDir} (first time only; may take minutes)`);
  const started = Date.now();
  const tmp = `${cfg.libsDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const r = spawnSync(
    mvn,
    ['-B', '-q', '-Dstyle.color=never', '-f', POM, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${tmp}`],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`mvn dependency:copy-dependencies failed (exit ${r.status ?? r.signal}); is Maven Central reachable?\n${out}`);
  }
  const jars = fs.readdirSync(tmp).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => f.startsWith('kafka_2.13-'))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`mvn copied no kafka_2.13 jar into ${tmp}`);
  }
  fs.writeFileSync(path.join(tmp, '.complete'), want);
  fs.rmSync(cfg.libsDir, { recursive: true, force: true });
  fs.renameSync(tmp, cfg.libsDir);
  log(`kafka: ${jars.length} jars fetched in ${fmtMs(Date.now() - started)}`);
  return true;
}

function writeProps(cfg) {
  const values = {
    HOST: cfg.host,
    PORT: cfg.port,
    CONTROLLER_PORT: cfg.controllerPort,
    DATA_DIR: cfg.dataDir,
    NODE_ID: cfg.nodeId,
    VOTERS: cfg.voters,
    REPLICATION: cfg.replication,
    MIN_ISR: cfg.minIsr,
  };
  const text = fs.readFileSync(TEMPLATE, 'utf8').replace(/\$\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  fs.mkdirSync(cfg.stateDir, { recursive: true });
  fs.writeFileSync(cfg.propsFile, text);
}

/** Formats the data directory once (KRaft needs a cluster id in meta.properties). */
function formatStorage(cfg, java) {
  if (fs.existsSync(path.join(cfg.dataDir, 'meta.properties'))) return false;
  // The id is made here rather than with `StorageTool random-uuid`: one JVM less, and no chance
  // of a log line ending up in the id (the research note's pitfall 1). A cluster's nodes share one.
  const clusterId = cfg.clusterId ?? newClusterId();
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  const r = spawnSync(
    java,
    [...jvmArgs(cfg), 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', cfg.propsFile, '--ignore-formatted'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`kafka storage format failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  return true;
}

/**
 * Makes sure a broker answers on 127.0.0.1:<port>. Reuses one that already answers (ours or not);
 * otherwise fetches the jars if needed, formats once and starts `java` detached.
 * Returns { action: 'reused' | 'running' | 'started', address, pid?, ms, logFile }.
 */
export async function ensureBroker({ timeoutMs = 90_000, log = console.log, ...overrides } = {}) {
  const cfg = brokerConfig(overrides);
  return withLock(cfg.lockDir, () => ensureLocked(cfg, timeoutMs, log));
}

async function ensureLocked(cfg, timeoutMs, log) {
  const started = Date.now();
  const ours = readPid(cfg.pidFile, PID_MARKER);
  if (await portOpen(cfg.port)) {
    return { action: ours ? 'running' : 'reused', address: cfg.address, pid: ours, ms: Date.now() - started, logFile: cfg.logFile };
  }
  if (ours) {
    // Ours but not listening: still starting (or hung). Give it the readiness window, else restart.
    if (await waitReady(cfg, ours, timeoutMs)) {
      return { action: 'running', address: cfg.address, pid: ours, ms: Date.now() - started, logFile: cfg.logFile };
    }
    log(`kafka: pid ${ours} never became ready; stopping it and starting again`);
    await stopPid(ours, { graceMs: 10_000 });
    fs.rmSync(cfg.pidFile, { force: true });
  }
  if (await portOpen(cfg.controllerPort)) {
    throw new Error(`kafka: controller port ${cfg.host}:${cfg.controllerPort} is taken by another process; set KAFKA_CONTROLLER_PORT`);
  }
  const java = javaBin();
  ensureJars(cfg, log);
  writeProps(cfg);
  try {
    return await startBroker(cfg, java, timeoutMs, started);
  } catch (error) {
    // A local broker's data is disposable, but a crash can leave it unreadable (a half-written
    // segment or metadata log): the broker then dies at every start. Keep the old data aside,
    // once, and start on a fresh directory rather than failing every later run.
    const aside = `${cfg.dataDir}.unreadable`;
    log(`kafka: ${error.message.split('. Last lines')[0].replace(/^kafka: /, '')} (log: ${cfg.logFile}.1); moving its data to ${aside} and starting on a fresh data directory`);
    fs.rmSync(aside, { recursive: true, force: true });
    if (fs.existsSync(cfg.dataDir)) fs.renameSync(cfg.dataDir, aside);
    return startBroker(cfg, java, timeoutMs, started);
  }
}

/** Formats if needed, starts `java` detached and waits until it is ready; throws with the log's tail if not. */
async function startBroker(cfg, java, timeoutMs, started) {
  formatStorage(cfg, java);
  if (fs.existsSync(cfg.logFile)) fs.renameSync(cfg.logFile, `${cfg.logFile}.1`);
  const out = fs.openSync(cfg.logFile, 'a');
  const child = spawn(java, [...jvmArgs(cfg), 'kafka.Kafka', cfg.propsFile], {
    detached: true,
    stdio: ['ignore', out, out],
    cwd: cfg.stateDir,
  });
  fs.closeSync(out);
  let exited;
  child.on('exit', (code, signal) => (exited = signal ?? code));
  child.unref();
  fs.writeFileSync(cfg.pidFile, `${child.pid}\n`);

  const ready = await waitReady(cfg, child.pid, timeoutMs, () => exited);
  if (!ready) {
    const why = exited !== undefined ? `exited (${exited})` : `not ready after ${fmtMs(timeoutMs)}`;
    if (exited === undefined) await stopPid(child.pid, { graceMs: 5000 });
    fs.rmSync(cfg.pidFile, { force: true });
    throw new Error(`kafka: broker ${why}. Last lines of ${cfg.logFile}:\n${tail(cfg.logFile, 40)}`);
  }
  return { action: 'started', address: cfg.address, pid: child.pid, ms: Date.now() - started, logFile: cfg.logFile };
}

/** Ready when the log says so or the port accepts connections; false when the process dies or time runs out. */
async function waitReady(cfg, pid, timeoutMs, exitedFn = () => undefined) {
  const result = await waitFor(
    async () => {
      if (exitedFn() !== undefined) return 'dead';
      if (!readPid(cfg.pidFile, PID_MARKER) && !(await portOpen(cfg.port))) return 'dead';
      if (logHas(cfg.logFile, READY_LINE) || (await portOpen(cfg.port))) return 'ready';
      return undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
  if (result !== 'ready') return false;
  // The line is logged about 20 ms after the port opens; make sure the port is really up.
  return Boolean(await waitFor(() => portOpen(cfg.port), { timeoutMs: 5000, intervalMs: 50 }));
}

function logHas(file, needle) {
  try {
    return fs.readFileSync(file, 'utf8').includes(needle);
  } catch {
    return false;
  }
}

/** Stops the broker only if our pid file names a live broker. Returns what it did. */
export async function stopBroker(overrides = {}) {
  const cfg = brokerConfig(overrides);
  const pid = readPid(cfg.pidFile, PID_MARKER);
  if (!pid) return { action: (await portOpen(cfg.port)) ? 'not ours' : 'not running', address: cfg.address };
  const started = Date.now();
  // SIGTERM makes the broker do a controlled shutdown; 143 is its normal exit code then.
  const how = await stopPid(pid, { graceMs: 30_000 });
  fs.rmSync(cfg.pidFile, { force: true });
  return { action: how, address: cfg.address, pid, ms: Date.now() - started };
}

export async function brokerStatus(overrides = {}) {
  const cfg = brokerConfig(overrides);
  const pid = readPid(cfg.pidFile, PID_MARKER);
  const open = await portOpen(cfg.port);
  const jars = fs.existsSync(path.join(cfg.libsDir, '.complete')) ? 'cached' : 'not fetched';
  const state = open ? (pid ? `running (ours, pid ${pid})` : 'answering (not started by us)') : pid ? `starting (pid ${pid})` : 'down';
  return { state, up: open, ours: Boolean(pid), pid, address: cfg.address, jars, logFile: cfg.logFile, libsDir: cfg.libsDir };
}

async function main(cmd) {
  const t0 = Date.now();
  switch (cmd) {
    case 'up': {
      if (process.argv.includes('--fresh')) {
        // A broker with no topics and no offsets (contract replays want exactly the recorded records).
        await stopBroker();
        fs.rmSync(brokerConfig().stateDir, { recursive: true, force: true });
      }
      const r = await ensureBroker();
      const what = { started: `started (pid ${r.pid})`, running: `already running (ours, pid ${r.pid})`, reused: 'reused (already answering, not ours)' }[r.action];
      console.log(`kafka: ${what} at ${r.address} in ${fmtMs(Date.now() - t0)}; log ${r.logFile}`);
      return 0;
    }
    case 'down': {
      const r = await stopBroker();
      const what = { stopped: `stopped (pid ${r.pid})`, killed: `killed after timeout (pid ${r.pid})`, 'not ours': 'answering but not started by us; left alone', 'not running': 'not running' }[r.action] ?? r.action;
      console.log(`kafka: ${what} ${r.address} in ${fmtMs(Date.now() - t0)}`);
      return 0;
    }
    case 'status': {
      const s = await brokerStatus();
      console.log(`kafka: ${s.state} ${s.address}; jars ${s.jars} (${s.libsDir}); log ${s.logFile}`);
      return s.up ? 0 : 3;
    }
    default:
      console.error('usage: node tools/kafka/broker.mjs up [--fresh]|down|status');
      return 2;
  }
}

runIfScript(import.meta.url, main);
