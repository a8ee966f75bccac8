import { randomBytes } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';

/** Every record of a topic from the beginning to its current end (empty when the topic does not exist). */
export async function readWholeTopic(kafka: Kafka, admin: Admin, topic: string): Promise<readonly KafkaMessage[]> {
  if (!(await admin.listTopics()).includes(topic)) return [];
  const ends = await admin.fetchTopicOffsets(topic);
  const remaining = new Map(ends.map((p) => [p.partition, Number(p.high)]));
  const total = ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  if (total === 0) return [];
  const messages: KafkaMessage[] = [];
  const consumer = kafka.consumer({ groupId: `e2e-reader-${randomBytes(5).toString('hex')}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out with ${messages.length}/${total} records`)), 60_000);
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          if (Number(message.offset) < (remaining.get(partition) ?? 0)) messages.push(message);
          if (messages.length >= total) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return messages;
}
