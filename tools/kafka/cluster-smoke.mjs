#!/usr/bin/env node
// Smoke check of the local Kafka cluster (issue 20) with kafkajs (needs node_modules and a cluster
// from `node tools/kafka/cluster.mjs up`): a topic on 3 replicas with min ISR 2; an idempotent
// producer (acks=all) writes 500 records; the leader of partition 0 is SIGKILLed; 500 more are written
// while it is down; a fresh group reads back exactly the 1,000 records, each once; the node restarts.
//   node tools/kafka/cluster-smoke.mjs
import crypto from 'node:crypto';
import { clusterConfig, killNode, startNode } from './cluster.mjs';

const { Kafka, logLevel } = (await import('kafkajs')).default;
const cluster = clusterConfig();
const id = crypto.randomBytes(4).toString('hex');
const topic = `cluster-smoke-${id}`;
const kafka = new Kafka({ clientId: `cluster-smoke-${id}`, brokers: cluster.bootstrap.split(','), logLevel: logLevel.NOTHING, retry: { retries: 12 } });
const admin = kafka.admin();
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
const consumer = kafka.consumer({ groupId: `cluster-smoke-${id}` });
const t0 = Date.now();
const lap = (what) => console.log(`cluster-smoke: ${what} (+${Date.now() - t0} ms)`);
const PER_ROUND = 500;

async function produce(from) {
  for (let n = from; n < from + PER_ROUND; n += 50) {
    const messages = Array.from({ length: 50 }, (_, k) => ({ key: `k-${(n + k) % 7}`, value: String(n + k) }));
    await producer.send({ topic, acks: -1, messages });
  }
}

let failed = false;
let killed;
try {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const [meta] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
  const replicas = meta.partitions.map((p) => p.replicas.length);
  if (replicas.some((n) => n !== cluster.replication)) throw new Error(`partitions have ${replicas.join(',')} replicas, expected ${cluster.replication}`);
  lap(`created ${topic}: 3 partitions × ${cluster.replication} replicas on ${cluster.bootstrap}`);
  await producer.connect();
  await produce(0);
  lap(`produced ${PER_ROUND} records (idempotent, acks=all)`);
  const leader = meta.partitions.find((p) => p.partitionId === 0).leader;
  killed = leader;
  await killNode(leader);
  lap(`SIGKILLed node ${leader}, leader of partition 0`);
  await produce(PER_ROUND);
  lap(`produced ${PER_ROUND} more while node ${leader} is down`);
  const seen = new Map();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${seen.size} distinct records in 60 s, expected ${2 * PER_ROUND}`)), 60_000);
    consumer.run({
      eachMessage: async ({ message }) => {
        const v = message.value.toString();
        seen.set(v, (seen.get(v) ?? 0) + 1);
        if (seen.size === 2 * PER_ROUND) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  const twice = [...seen.values()].filter((n) => n > 1).length;
  if (twice > 0) throw new Error(`${twice} records read twice`);
  lap(`read back ${seen.size} records, each once`);
} catch (err) {
  failed = true;
  console.error(`cluster-smoke: FAILED: ${err.message}`);
} finally {
  await consumer.disconnect().catch(() => {});
  await producer.disconnect().catch(() => {});
  if (killed !== undefined) {
    const r = await startNode(killed, { log: () => {} }).catch((err) => ({ action: `not restarted: ${err.message}` }));
    lap(`node ${killed}: ${r.action}`);
  }
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect().catch(() => {});
}
console.log(failed ? 'cluster-smoke: FAILED' : 'cluster-smoke: ok');
process.exit(failed ? 1 : 0);
