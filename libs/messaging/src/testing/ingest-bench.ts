import { waitFor } from '@promo/platform/testing';
import { type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';

const SEND_SIZE = 500;

/** An idempotent producer (acks=all) for a benchmark's input records, connected. */
export async function benchProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  return producer;
}

/** Sends `count` records built by `record(i)`, in sends of 500, in index order. */
export async function produceRecords(producer: Producer, topic: string, count: number, record: (index: number) => Message): Promise<void> {
  for (let offset = 0; offset < count; offset += SEND_SIZE) {
    await producer.send({ topic, messages: Array.from({ length: Math.min(SEND_SIZE, count - offset) }, (_, i) => record(offset + i)) });
  }
}

/**
 * The baseline of an ingest benchmark (#21): records per second read from `topic` by a consumer that does
 * nothing, from the beginning until `count` records, on the same broker as the measured run.
 */
export async function idleReadRate(kafka: Kafka, topic: string, count: number, groupId: string): Promise<number> {
  let read = 0;
  const idle = kafka.consumer({ groupId });
  await idle.connect();
  try {
    await idle.subscribe({ topic, fromBeginning: true });
    const started = performance.now();
    await idle.run({ eachBatch: async ({ batch }) => void (read += batch.messages.length) });
    await waitFor(() => read >= count, { timeoutMs: 600_000, intervalMs: 20, description: `${count} records read by the idle consumer` });
    return count / ((performance.now() - started) / 1000);
  } finally {
    await idle.disconnect();
  }
}

/** `BENCH name=<name> value=<events/s> unit=events/s baseline=<idle events/s> ratio=...`, then any extra fields. */
export function ingestBenchLine(name: string, ours: number, baseline: number, extra: Readonly<Record<string, string | number>> = {}): string {
  const fields = Object.entries(extra).map(([key, value]) => ` ${key}=${value}`).join('');
  return `BENCH name=${name} value=${ours.toFixed(0)} unit=events/s baseline=${baseline.toFixed(0)} ratio=${(ours / baseline).toFixed(3)}${fields}\n`;
}
