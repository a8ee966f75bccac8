import { type Kafka, Partitioners } from 'kafkajs';
import { whileKafkaSettles } from '@promo/messaging';
import type { UpstreamRecord } from '../builders/upstream-event.builder';

/**
 * Produces the records one at a time, in order, to `<prefix><type>` (keyed as upstream keys them),
 * each stamped with its event time as a recording would be: an event-time clock follows record
 * timestamps, and wall-clock stamps would move it to today between two sends.
 */
export async function produceRecords(kafka: Kafka, prefix: string, records: readonly UpstreamRecord[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const record of records) {
      const message = { key: record.key, value: record.value, timestamp: eventTimestamp(record), headers: { 'content-type': 'application/cloudevents+json' } };
      await whileKafkaSettles(() => producer.send({ topic: `${prefix}${record.type}`, acks: -1, messages: [message] }));
    }
  } finally {
    await producer.disconnect();
  }
}

function eventTimestamp(record: UpstreamRecord): string {
  const { time } = JSON.parse(record.value) as { time: string };
  return String(Date.parse(time));
}
