import { type Kafka, Partitioners } from 'kafkajs';
import type { UpstreamRecord } from '../builders/upstream-event.builder';

/** Produces the records one at a time, in order, to `<prefix><type>` (keyed as upstream keys them). */
export async function produceRecords(kafka: Kafka, prefix: string, records: readonly UpstreamRecord[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const record of records) {
      await producer.send({ topic: `${prefix}${record.type}`, acks: -1, messages: [{ key: record.key, value: record.value, headers: { 'content-type': 'application/cloudevents+json' } }] });
    }
  } finally {
    await producer.disconnect();
  }
}
