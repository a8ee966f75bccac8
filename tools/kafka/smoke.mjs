#!/usr/bin/env node
// Smoke check of the local broker with kafkajs (needs node_modules): creates a fresh topic, produces
// one message, consumes it in a fresh group, deletes the topic.
//   node tools/kafka/smoke.mjs            (broker from KAFKA_BROKERS, default 127.0.0.1:19092)
import crypto from 'node:crypto';

const { Kafka, logLevel } = (await import('kafkajs')).default;
const brokers = (process.env.KAFKA_BROKERS || `127.0.0.1:${process.env.KAFKA_PORT || 19092}`).split(',');
const id = crypto.randomBytes(4).toString('hex');
const topic = `smoke-${id}`;
const kafka = new Kafka({ clientId: `smoke-${id}`, brokers, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = kafka.producer({ allowAutoTopicCreation: false });
const consumer = kafka.consumer({ groupId: `smoke-${id}` });
const t0 = Date.now();
const lap = (what) => console.log(`smoke: ${what} (+${Date.now() - t0} ms)`);
let failed = false;
const timer = setTimeout(() => {
  console.error('smoke: no message within 30 s');
  process.exit(1);
}, 30_000);
try {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  lap(`created topic ${topic} on ${brokers.join(',')}`);
  await producer.connect();
  const value = `hello ${new Date().toISOString()}`;
  await producer.send({ topic, acks: -1, messages: [{ key: 'k', value }] });
  lap('produced 1 message');
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const got = await new Promise((resolve) => {
    consumer.run({ eachMessage: async ({ message, partition }) => resolve({ value: message.value.toString(), partition }) });
  });
  if (got.value !== value) throw new Error(`consumed ${JSON.stringify(got.value)}, expected ${JSON.stringify(value)}`);
  lap(`consumed it back from partition ${got.partition}: "${got.value}"`);
} catch (err) {
  failed = true;
  console.error(`smoke: FAILED: ${err.message}`);
} finally {
  clearTimeout(timer);
  await consumer.disconnect().catch(() => {});
  await producer.disconnect().catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect().catch(() => {});
}
console.log(failed ? 'smoke: FAILED' : 'smoke: ok');
process.exit(failed ? 1 : 0);
