#!/usr/bin/env node
// A Redis Cluster on loopback (issue 20): six `redis-server` processes, 3 masters and 3 replicas,
// `cluster-enabled yes`, made into one cluster with `redis-cli --cluster create … --cluster-replicas 1`.
// The machine's own Redis (6379) is never touched.
//
//   node tools/redis/cluster.mjs up [--fresh] | down [--wipe] | status | kill-master [<port>] | start <port>
//
// Ports:  REDIS_CLUSTER_PORT (17000) and the five after it; each node's cluster bus is its port + 10000.
// State:  ${PROMO_CACHE_DIR:-~/.cache/promotions}/redis-cluster-<base>/<port>/{nodes.conf,redis.log,redis.pid}
// Nodes keep nothing on disk but their cluster state (no RDB, no AOF), like the machine's Redis.
//
// Node built-ins only (this runs before `npm ci`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { alive, cacheDir, envInt, fmtMs, portOpen, runIfScript, sleep, stopPid, waitFor, which } from '../infra/util.mjs';

const HOST = '127.0.0.1';
const NODES = 6;

export function redisClusterConfig({ basePort = envInt('REDIS_CLUSTER_PORT', 17000) } = {}) {
  const dir = cacheDir(`redis-cluster-${basePort}`);
  const ports = Array.from({ length: NODES }, (_, i) => basePort + i);
  return {
    dir,
    ports,
    nodes: ports.map((port) => ({ port, address: `${HOST}:${port}`, stateDir: path.join(dir, String(port)) })),
    /** What services take as REDIS_CLUSTER_NODES. */
    nodeList: ports.map((port) => `${HOST}:${port}`).join(','),
  };
}

function redisCli(port, args) {
  const r = spawnSync('redis-cli', ['-h', HOST, '-p', String(port), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

function pidOf(node) {
  try {
    const pid = Number(fs.readFileSync(path.join(node.stateDir, 'redis.pid'), 'utf8').trim());
    return pid > 0 && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function startNode(node) {
  if (await portOpen(node.port)) return 'running';
  fs.mkdirSync(node.stateDir, { recursive: true });
  const r = spawnSync('redis-server', [
    '--daemonize', 'yes',
    '--bind', HOST,
    '--port', String(node.port),
    '--dir', node.stateDir,
    '--pidfile', path.join(node.stateDir, 'redis.pid'),
    '--logfile', path.join(node.stateDir, 'redis.log'),
    '--cluster-enabled', 'yes',
    '--cluster-config-file', 'nodes.conf',
    // A master that stops answering for 2 s is replaced by its replica.
    '--cluster-node-timeout', '2000',
    // A replica always stands for election, however long its link was down: the ledger does not trust a
    // promoted replica's counters anyway (it detects lost writes and rebuilds them from Postgres).
    '--cluster-replica-validity-factor', '0',
    '--save', '',
    '--appendonly', 'no',
  ], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`redis-server on ${node.address} did not start: ${r.stderr || r.stdout}`);
  if (!(await waitFor(() => portOpen(node.port), { timeoutMs: 10_000, intervalMs: 50 }))) throw new Error(`redis-server on ${node.address} is not answering`);
  return 'started';
}

function clusterInfo(port) {
  const r = redisCli(port, ['cluster', 'info']);
  return Object.fromEntries(r.out.split('\n').map((line) => line.trim().split(':')).filter((kv) => kv.length === 2));
}

/** `cluster nodes` of one node: each node's port, role, state and the master it replicates. */
export function clusterNodes(port) {
  const r = redisCli(port, ['cluster', 'nodes']);
  return r.out.split('\n').filter(Boolean).map((line) => {
    const [id, addr, flags, masterId, , , , linkState, ...slots] = line.split(' ');
    return { id, port: Number(addr.split(':')[1].split('@')[0]), master: flags.includes('master'), failed: flags.includes('fail'), masterId, linkState, slots };
  });
}

/**
 * Starts the six nodes and, the first time, makes them one cluster; resolves once every slot is served.
 * @param {{ basePort?: number, fresh?: boolean, log?: (message: string) => void }} [options]
 */
export async function redisClusterUp({ basePort, fresh = false, log = console.log } = {}) {
  if (!which('redis-server') || !which('redis-cli')) throw new Error('a Redis Cluster needs redis-server and redis-cli (package redis-server)');
  if (fresh) await redisClusterDown({ basePort, wipe: true });
  const cfg = redisClusterConfig({ basePort });
  const actions = await Promise.all(cfg.nodes.map((node) => startNode(node)));
  if (clusterInfo(cfg.ports[0]).cluster_state !== 'ok') {
    const known = Number(clusterInfo(cfg.ports[0]).cluster_known_nodes ?? '1');
    if (known < NODES) {
      log(`redis cluster: creating (3 masters, 3 replicas) on ${cfg.nodeList}`);
      const r = redisCli(cfg.ports[0], ['--cluster', 'create', ...cfg.nodes.map((n) => n.address), '--cluster-replicas', '1', '--cluster-yes']);
      if (!r.ok) throw new Error(`redis-cli --cluster create failed:\n${r.out}`);
    }
    const ok = await waitFor(() => cfg.ports.every((port) => clusterInfo(port).cluster_state === 'ok'), { timeoutMs: 30_000, intervalMs: 200 });
    if (!ok) throw new Error(`the Redis Cluster on ${cfg.nodeList} is not ok after 30 s: ${JSON.stringify(clusterInfo(cfg.ports[0]))}`);
  }
  // Three masters with slots and three replicas that have their master's data (first sync done), so a master
  // killed right away can fail over. `cluster_state:ok` comes before the replicas are attached.
  const ready = await waitFor(() => {
    const nodes = clusterNodes(cfg.ports[0]);
    const replicas = nodes.filter((n) => !n.master);
    return nodes.filter((n) => n.master && n.slots.length > 0).length === 3 && replicas.length === 3 &&
      replicas.every((n) => /master_link_status:up/.test(redisCli(n.port, ['info', 'replication']).out));
  }, { timeoutMs: 30_000, intervalMs: 200 });
  if (!ready) throw new Error(`the Redis Cluster on ${cfg.nodeList} has not 3 masters and 3 synced replicas after 30 s:\n${redisCli(cfg.ports[0], ['cluster', 'nodes']).out}`);
  return { cfg, actions };
}

/** @param {{ basePort?: number, wipe?: boolean }} [options] */
export async function redisClusterDown({ basePort, wipe = false } = {}) {
  const cfg = redisClusterConfig({ basePort });
  const results = await Promise.all(cfg.nodes.map(async (node) => {
    const pid = pidOf(node);
    return { address: node.address, action: pid ? await stopPid(pid, { graceMs: 5000, group: false }) : 'not running' };
  }));
  if (wipe) fs.rmSync(cfg.dir, { recursive: true, force: true });
  return results;
}

/**
 * SIGKILLs a master (the given port, or the first master found) and waits until its replica has taken
 * over and every slot is served again. Returns the killed port and the promoted one.
 * @param {{ basePort?: number, port?: number }} [options]
 */
export async function killMaster({ basePort, port } = {}) {
  const cfg = redisClusterConfig({ basePort });
  const live = cfg.ports.find((p) => clusterInfo(p).cluster_state === 'ok');
  if (live === undefined) throw new Error('no node of the cluster answers with cluster_state:ok');
  const nodes = clusterNodes(live);
  const victim = nodes.find((n) => n.master && !n.failed && (port === undefined || n.port === Number(port)));
  if (!victim) throw new Error(`no live master${port === undefined ? '' : ` on port ${port}`}`);
  const node = cfg.nodes.find((n) => n.port === victim.port);
  const pid = pidOf(node);
  if (!pid) throw new Error(`no pid for the master on ${node.address}`);
  process.kill(pid, 'SIGKILL');
  const others = cfg.ports.filter((p) => p !== victim.port);
  // Promoted: another live master now serves the killed master's first slot range, and the cluster is ok.
  const promoted = await waitFor(() => {
    const heir = clusterNodes(others[0]).find((n) => n.master && !n.failed && n.port !== victim.port && n.slots[0] === victim.slots[0]);
    return heir && others.every((p) => clusterInfo(p).cluster_state === 'ok') ? heir.port : undefined;
  }, { timeoutMs: 30_000, intervalMs: 100 });
  if (promoted === undefined) throw new Error(`no replica of ${node.address} took over its slots within 30 s`);
  return { killed: victim.port, promoted };
}

/**
 * Starts a node again (after a kill); it rejoins as a replica of the master that replaced it.
 * @param {number} port
 * @param {{ basePort?: number }} [options]
 */
export async function restartNode(port, { basePort } = {}) {
  const cfg = redisClusterConfig({ basePort });
  const node = cfg.nodes.find((n) => n.port === Number(port));
  if (!node) throw new Error(`no node on port ${port} (ports ${cfg.ports.join(', ')})`);
  const action = await startNode(node);
  return { address: node.address, action };
}

async function main(cmd) {
  const t0 = Date.now();
  switch (cmd) {
    case 'up': {
      const { cfg, actions } = await redisClusterUp({ fresh: process.argv.includes('--fresh') });
      cfg.nodes.forEach((n, i) => console.log(`redis node ${n.address}: ${actions[i]}`));
      const masters = clusterNodes(cfg.ports[0]).filter((n) => n.master).map((n) => n.port);
      console.log(`redis cluster: ok, masters ${masters.join(', ')}, in ${fmtMs(Date.now() - t0)}`);
      console.log(`REDIS_CLUSTER_NODES=${cfg.nodeList}`);
      return 0;
    }
    case 'down': {
      for (const r of await redisClusterDown({ wipe: process.argv.includes('--wipe') })) console.log(`redis node ${r.address}: ${r.action}`);
      return 0;
    }
    case 'kill-master': {
      const r = await killMaster(process.argv[3] ? { port: Number(process.argv[3]) } : {});
      console.log(`redis cluster: SIGKILLed master ${r.killed}; ${r.promoted} promoted, in ${fmtMs(Date.now() - t0)}`);
      return 0;
    }
    case 'start': {
      const r = await restartNode(Number(process.argv[3]));
      console.log(`redis node ${r.address}: ${r.action}`);
      return 0;
    }
    case 'status': {
      const cfg = redisClusterConfig();
      const live = cfg.ports.find((p) => clusterInfo(p).cluster_state !== undefined);
      if (live === undefined) {
        console.log('redis cluster: down');
        return 3;
      }
      for (const n of clusterNodes(live)) console.log(`redis node ${HOST}:${n.port}: ${n.master ? 'master' : 'replica'}${n.failed ? ' (failed)' : ''}`);
      console.log(`redis cluster: ${clusterInfo(live).cluster_state}; REDIS_CLUSTER_NODES=${cfg.nodeList}`);
      await sleep(0);
      return clusterInfo(live).cluster_state === 'ok' ? 0 : 3;
    }
    default:
      console.error('usage: node tools/redis/cluster.mjs up [--fresh] | down [--wipe] | status | kill-master [<port>] | start <port>');
      return 2;
  }
}

runIfScript(import.meta.url, main);
