#!/usr/bin/env node
// A KRaft cluster of N real Apache Kafka nodes on loopback (issue 20), each broker and controller,
// with its own ports and data directory, from the same Maven jars as the single broker.
//
//   node tools/kafka/cluster.mjs up [--nodes=3] [--fresh] | down | status | kill <id> | start <id>
//
// Ports:  KAFKA_CLUSTER_PORT (19400): node i (1..N) listens on base+2(i-1), its controller on the next.
// State:  ${PROMO_CACHE_DIR:-~/.cache/promotions}/kafka/cluster-<base>/{cluster.json,node-<i>/...}
// At 3 nodes and more, every topic has 3 replicas and min.insync.replicas=2: a write acknowledged with
// acks=all survives the death of any one node, and writes go on while one node is down.
//
// Node built-ins only (this runs before `npm ci`).
import fs from 'node:fs';
import path from 'node:path';
import { brokerConfig, brokerStatus, ensureBroker, ensureJars, newClusterId, stopBroker } from './broker.mjs';
import { alive, cacheDir, envInt, fmtMs, readPid, runIfScript, waitFor } from '../infra/util.mjs';

const HOST = '127.0.0.1';
const PID_MARKER = 'kafka.Kafka';

/** Replication of a cluster of `nodes`: 3 replicas and 2 in sync from 3 nodes on; everything on fewer. */
export function clusterReplication(nodes) {
  return nodes >= 3 ? { replication: 3, minIsr: 2 } : { replication: nodes, minIsr: 1 };
}

/**
 * The cluster's layout and each node's broker settings. The cluster id is made once and kept.
 * @param {{ nodes?: number, basePort?: number }} [options]
 */
export function clusterConfig({ nodes, basePort = envInt('KAFKA_CLUSTER_PORT', 19400) } = {}) {
  const dir = cacheDir('kafka', `cluster-${basePort}`);
  const metaFile = path.join(dir, 'cluster.json');
  const saved = readJson(metaFile);
  const count = nodes ?? saved?.nodes ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > 9) throw new Error(`--nodes=${count}: a cluster has 1 to 9 nodes`);
  if (saved && saved.nodes !== count) throw new Error(`the cluster at ${dir} has ${saved.nodes} nodes, not ${count}: use --fresh to make a new one`);
  const clusterId = saved?.clusterId ?? newClusterId();
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const ports = (id) => ({ port: basePort + 2 * (id - 1), controllerPort: basePort + 2 * (id - 1) + 1 });
  const voters = ids.map((id) => `${id}@${HOST}:${ports(id).controllerPort}`).join(',');
  const { replication, minIsr } = clusterReplication(count);
  const nodeConfigs = ids.map((id) => ({ nodeId: id, ...ports(id), voters, replication, minIsr, clusterId, stateDir: path.join(dir, `node-${id}`) }));
  return {
    dir,
    metaFile,
    nodes: count,
    clusterId,
    replication,
    minIsr,
    nodeConfigs,
    bootstrap: nodeConfigs.map((n) => `${HOST}:${n.port}`).join(','),
    save: () => {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(metaFile, `${JSON.stringify({ nodes: count, clusterId, basePort }, null, 2)}\n`);
    },
  };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function nodeOf(cluster, id) {
  const node = cluster.nodeConfigs.find((n) => n.nodeId === Number(id));
  if (!node) throw new Error(`no node ${id} in a cluster of ${cluster.nodes} (ids 1..${cluster.nodes})`);
  return node;
}

/**
 * Starts every node that is not running, all at once: a node is ready only once a majority of the
 * controllers has formed the quorum, so they cannot be started one after the other.
 * @param {{ nodes?: number, basePort?: number, fresh?: boolean, log?: (message: string) => void }} [options]
 */
export async function clusterUp({ nodes, basePort, fresh = false, log = console.log } = {}) {
  if (fresh) await clusterDown({ basePort, wipe: true });
  const cluster = clusterConfig({ nodes, basePort });
  cluster.save();
  ensureJars(brokerConfig(), log);
  const results = await Promise.all(cluster.nodeConfigs.map((node) => ensureBroker({ ...node, log })));
  return { cluster, results };
}

/**
 * Stops every node (controlled shutdown); `wipe` also deletes the cluster's state.
 * @param {{ basePort?: number, wipe?: boolean }} [options]
 */
export async function clusterDown({ basePort, wipe = false } = {}) {
  const dir = cacheDir('kafka', `cluster-${basePort ?? envInt('KAFKA_CLUSTER_PORT', 19400)}`);
  const saved = readJson(path.join(dir, 'cluster.json'));
  const results = saved ? await Promise.all(clusterConfig({ basePort }).nodeConfigs.map((node) => stopBroker(node))) : [];
  if (wipe) fs.rmSync(dir, { recursive: true, force: true });
  return results;
}

/**
 * SIGKILLs one node, as a crash would: no controlled shutdown, no leadership handed over first.
 * @param {number} id
 * @param {{ basePort?: number }} [options]
 */
export async function killNode(id, { basePort } = {}) {
  const cfg = brokerConfig(nodeOf(clusterConfig({ basePort }), id));
  const pid = readPid(cfg.pidFile, PID_MARKER);
  if (!pid) return { action: 'not running', address: cfg.address };
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
  await waitFor(() => !alive(pid), { timeoutMs: 10_000, intervalMs: 50 });
  fs.rmSync(cfg.pidFile, { force: true });
  return { action: 'killed', address: cfg.address, pid };
}

/**
 * Starts one node again (after a kill); it catches up from the others.
 * @param {number} id
 * @param {{ basePort?: number, log?: (message: string) => void }} [options]
 */
export async function startNode(id, { basePort, log = console.log } = {}) {
  return ensureBroker({ ...nodeOf(clusterConfig({ basePort }), id), log });
}

/** @param {{ basePort?: number }} [options] */
export async function clusterStatus({ basePort } = {}) {
  const cluster = clusterConfig({ basePort });
  const nodes = await Promise.all(cluster.nodeConfigs.map(async (node) => ({ nodeId: node.nodeId, ...(await brokerStatus(node)) })));
  return { cluster, nodes };
}

function argValue(name) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : Number(arg.slice(name.length + 3));
}

async function main(cmd) {
  const t0 = Date.now();
  switch (cmd) {
    case 'up': {
      const { cluster, results } = await clusterUp({ nodes: argValue('nodes'), fresh: process.argv.includes('--fresh') });
      for (const [i, r] of results.entries()) console.log(`kafka node ${i + 1}: ${r.action}${r.pid ? ` (pid ${r.pid})` : ''} at ${r.address}; log ${r.logFile}`);
      console.log(`kafka cluster: ${cluster.nodes} nodes, replication ${cluster.replication}, min ISR ${cluster.minIsr}, in ${fmtMs(Date.now() - t0)}`);
      console.log(`KAFKA_BROKERS=${cluster.bootstrap}`);
      return 0;
    }
    case 'down': {
      const results = await clusterDown({ wipe: process.argv.includes('--wipe') });
      for (const r of results) console.log(`kafka ${r.address}: ${r.action}`);
      return 0;
    }
    case 'kill':
    case 'start': {
      const id = process.argv[3];
      const r = cmd === 'kill' ? await killNode(Number(id)) : await startNode(Number(id));
      console.log(`kafka node ${id}: ${r.action} at ${r.address} in ${fmtMs(Date.now() - t0)}`);
      return 0;
    }
    case 'status': {
      const { cluster, nodes } = await clusterStatus();
      for (const n of nodes) console.log(`kafka node ${n.nodeId}: ${n.state} ${n.address}`);
      console.log(`KAFKA_BROKERS=${cluster.bootstrap}`);
      return nodes.every((n) => n.up) ? 0 : 3;
    }
    default:
      console.error('usage: node tools/kafka/cluster.mjs up [--nodes=3] [--fresh] | down [--wipe] | status | kill <id> | start <id>');
      return 2;
  }
}

runIfScript(import.meta.url, main);
