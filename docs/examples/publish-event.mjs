#!/usr/bin/env node
// Publishes one commerce event the way the promotions platform expects it (docs/integrate.md):
//   node docs/examples/publish-event.mjs <type> <key> < data.json
// <type> is the topic (cart.updated, order.placed, order.cancelled, customer.inactive); <key> the record key
// (cartId, orderId, orderId, customerId). The record value is a CloudEvents 1.0 JSON envelope around the data.
// KAFKA_BROKERS (default 127.0.0.1:19092, the broker `npm start` runs) and KAFKA_TOPIC_PREFIX (default none).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';

const [type, key] = process.argv.slice(2);
if (!type || !key) {
  console.error('usage: node docs/examples/publish-event.mjs <type> <key> < data.json');
  process.exit(2);
}
const data = JSON.parse(readFileSync(0, 'utf8'));
const envelope = {
  specversion: '1.0',
  id: randomUUID(), // keep the same id when you send the same event again: consumers drop the repeat
  source: 'urn:example:shop', // your platform
  type,
  time: new Date().toISOString(),
  datacontenttype: 'application/json',
  data,
};

const kafka = new Kafka({ clientId: 'example-shop', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','), logLevel: logLevel.NOTHING });
// Idempotent, acks from every in-sync replica: a retried send is never written twice, an acknowledged one never lost.
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
try {
  await producer.send({ topic: `${process.env.KAFKA_TOPIC_PREFIX ?? ''}${type}`, acks: -1, messages: [{ key, value: JSON.stringify(envelope) }] });
  console.log(`published ${type} key=${key}`);
} finally {
  await producer.disconnect();
}
