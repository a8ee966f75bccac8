import { type Kafka, Partitioners } from 'kafkajs';
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
      await sendWhenLed(() => producer.send({ topic: `${prefix}${record.type}`, acks: -1, messages: [message] }));
    }
  } finally {
    await producer.disconnect();
  }
}

function eventTimestamp(record: UpstreamRecord): string {
  const { time } = JSON.parse(record.value) as { time: string };
  return String(Date.parse(time));
}

/**
 * The app creates its topics at start without waiting for their leaders, so a record sent right after can meet
 * "This server does not host this topic-partition" while the broker elects them: a retriable error, tried again
 * for up to 10 s (kafkajs's own retries can run out first on a busy machine).
 */
async function sendWhenLed(send: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await send();
      return;
    } catch (error) {
      if (!isRetriableKafkaError(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A kafkajs error that says "try again" (a topic or leader still settling), itself or as the cause of its last retry. */
export function isRetriableKafkaError(error: unknown): boolean {
  const retriable = (e: unknown): boolean => typeof e === 'object' && e !== null && Reflect.get(e, 'retriable') === true;
  return retriable(error) || (error instanceof Error && (error.name === 'KafkaJSNumberOfRetriesExceeded' || retriable(error.cause)));
}
