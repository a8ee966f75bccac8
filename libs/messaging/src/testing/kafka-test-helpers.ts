import { randomBytes } from 'node:crypto';
import type { Admin, Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { ensureTopics } from '../kafka/ensure-topics';

/** A topic of its own for one test (kafkajs' own tests do the same): no test shares topics. */
export async function createTestTopic(admin: Admin, options: { prefix?: string; partitions?: number } = {}): Promise<string> {
  const topic = `${options.prefix ?? 'test'}-${randomBytes(6).toString('hex')}`;
  await ensureTopics(admin, [{ topic, numPartitions: options.partitions ?? 1 }]);
  return topic;
}

export function uniqueGroupId(prefix = 'test-group'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/** Collects every record of a topic from the beginning, for assertions on what was published. */
export async function collectRecords(kafka: Kafka, topic: string): Promise<{ readonly records: EachMessagePayload[]; readonly consumer: Consumer }> {
  const records: EachMessagePayload[] = [];
  const consumer = kafka.consumer({ groupId: uniqueGroupId('collector') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async (payload) => void records.push(payload) });
  return { records, consumer };
}
