#!/usr/bin/env node
// Smoke check of the local Redis Cluster (issue 20) with ioredis (needs node_modules and a cluster from
// `node tools/redis/cluster.mjs up`): keys spread over the three masters; a two-key Lua script runs when
// both keys share a hash tag and is refused (CROSSSLOT) when they do not; a master is SIGKILLed, its
// replica promoted, and the client carries on.
//   node tools/redis/cluster-smoke.mjs
import crypto from 'node:crypto';
import { killMaster, redisClusterConfig, restartNode } from './cluster.mjs';

const { Cluster } = (await import('ioredis')).default;
const cfg = redisClusterConfig();
const id = crypto.randomBytes(4).toString('hex');
const t0 = Date.now();
const lap = (what) => console.log(`redis-cluster-smoke: ${what} (+${Date.now() - t0} ms)`);
const cluster = new Cluster(cfg.nodes.map((n) => ({ host: '127.0.0.1', port: n.port })), { clusterRetryStrategy: (times) => Math.min(100 * times, 1000) });
const TAKE = `local n = redis.call('INCR', KEYS[1]); redis.call('SADD', KEYS[2], ARGV[1]); return n`;

let failed = false;
let killed;
try {
  for (let n = 0; n < 300; n += 1) await cluster.set(`smoke:${id}:${n}`, String(n));
  const perMaster = await Promise.all(cluster.nodes('master').map((node) => node.dbsize()));
  if (perMaster.filter((k) => k > 0).length < 3) throw new Error(`keys on ${perMaster.join('/')} masters: not spread`);
  lap(`300 keys over the masters: ${perMaster.join(', ')}`);
  const tagged = await cluster.eval(TAKE, 2, `{p:${id}}:uses`, `{p:${id}}:orders`, 'o-1');
  if (tagged !== 1) throw new Error(`tagged script returned ${tagged}`);
  const crossSlot = await cluster.eval(TAKE, 2, `p:${id}:uses`, `p:${id}:orders`, 'o-1').then(() => 'ran', (err) => err.message);
  if (!/CROSSSLOT/.test(crossSlot)) throw new Error(`an untagged two-key script was not refused: ${crossSlot}`);
  lap('a two-key script ran with a hash tag, was refused without (CROSSSLOT)');
  const r = await killMaster({});
  killed = r.killed;
  lap(`SIGKILLed master ${r.killed}; ${r.promoted} promoted`);
  for (let n = 0; n < 300; n += 1) await cluster.set(`smoke:${id}:after:${n}`, String(n));
  const again = await cluster.eval(TAKE, 2, `{p:${id}}:uses`, `{p:${id}}:orders`, 'o-2');
  lap(`after the failover: 300 more writes, the tagged script counted ${again}`);
} catch (err) {
  failed = true;
  console.error(`redis-cluster-smoke: FAILED: ${err.message}`);
} finally {
  if (killed !== undefined) lap(`node ${killed}: ${(await restartNode(killed)).action} again (a replica now)`);
  cluster.disconnect();
}
console.log(failed ? 'redis-cluster-smoke: FAILED' : 'redis-cluster-smoke: ok');
process.exit(failed ? 1 : 0);
