import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { Partitioners } from 'kafkajs';

export interface RecordedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly timestamp: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: string;
}

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'streams');

function isRecorded(value: unknown): value is RecordedRecord {
  if (typeof value !== 'object' || value === null) return false;
  const topic: unknown = Reflect.get(value, 'topic');
  const partition: unknown = Reflect.get(value, 'partition');
  const timestamp: unknown = Reflect.get(value, 'timestamp');
  const recordValue: unknown = Reflect.get(value, 'value');
  return typeof topic === 'string' && typeof partition === 'number' && typeof timestamp === 'string' && typeof recordValue === 'string';
}

/** The recorded records of a fixture stream, in recorded order. */
export function readStream(name: string): readonly RecordedRecord[] {
  return readFileSync(path.join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parsed: unknown = JSON.parse(line);
      if (!isRecorded(parsed)) throw new Error(`not a recorded record: ${line.slice(0, 80)}`);
      return parsed;
    });
}

export function readFixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
}

export const UPSTREAM_TOPICS = ['cart.updated', 'order.placed', 'order.cancelled', 'customer.inactive'] as const;

/** Creates the prefixed upstream topics with enough partitions for the recorded ones. */
export async function createReplayTopics(kafka: Kafka, prefix: string, partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: UPSTREAM_TOPICS.map((topic) => ({ topic: `${prefix}${topic}`, numPartitions: partitions, replicationFactor: -1 })) });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Produces each record as recorded (partition, key, headers, raw value, timestamp) to `<prefix><topic>`,
 * one at a time in recorded order, so what is on the broker at any moment is a prefix of the recording.
 */
export async function replay(kafka: Kafka, prefix: string, records: readonly RecordedRecord[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const record of records) {
      await producer.send({
        topic: `${prefix}${record.topic}`,
        acks: -1,
        messages: [{ partition: record.partition, key: record.key, value: record.value, headers: { ...record.headers }, timestamp: String(new Date(record.timestamp).getTime()) }],
      });
    }
  } finally {
    await producer.disconnect();
  }
}
