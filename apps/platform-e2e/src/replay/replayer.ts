import type { Admin, Producer } from 'kafkajs';
import type { StreamRecord } from '../stream/stream-record';

export interface ReplayOptions {
  /** Recorded speed × N; `Infinity` (the default) replays as fast as the broker takes it. */
  readonly speed: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called between batches; the chaos mode kills and restarts services from here. */
  readonly between?: (done: number, total: number) => Promise<void>;
}

const BATCH = 200;

/** Creates every recorded topic with enough partitions for its recorded partition numbers (6 upstream). */
export async function createRecordedTopics(admin: Admin, records: readonly StreamRecord[], minPartitions = 6): Promise<void> {
  const partitions = new Map<string, number>();
  for (const r of records) partitions.set(r.topic, Math.max(partitions.get(r.topic) ?? minPartitions, r.partition + 1));
  const existing = new Set(await admin.listTopics());
  const topics = [...partitions].filter(([topic]) => !existing.has(topic)).map(([topic, numPartitions]) => ({ topic, numPartitions, replicationFactor: -1 }));
  if (topics.length > 0) await admin.createTopics({ waitForLeaders: true, topics });
}

/**
 * Produces each record to its recorded topic and partition, with its key, headers, timestamp and
 * value bytes unchanged, in recorded order (X2). Returns the wall-clock seconds the replay took.
 */
export async function replay(producer: Producer, records: readonly StreamRecord[], options: ReplayOptions): Promise<number> {
  const started = performance.now();
  const firstAt = records.length > 0 ? Date.parse(records[0]!.timestamp) : 0;
  for (let done = 0; done < records.length; ) {
    const batch = nextBatch(records, done, options.speed, firstAt, started);
    if (Number.isFinite(options.speed)) await waitUntilDue(batch[0]!, options.speed, firstAt, started);
    await producer.sendBatch({
      acks: -1,
      topicMessages: groupByTopic(batch),
    });
    done += batch.length;
    options.onProgress?.(done, records.length);
    await options.between?.(done, records.length);
  }
  return (performance.now() - started) / 1000;
}

function nextBatch(records: readonly StreamRecord[], from: number, speed: number, firstAt: number, started: number): readonly StreamRecord[] {
  if (!Number.isFinite(speed)) return records.slice(from, from + BATCH);
  // At a finite speed, a batch holds the records already due, at least one.
  const elapsed = (performance.now() - started) * speed;
  let to = from + 1;
  while (to < records.length && to - from < BATCH && Date.parse(records[to]!.timestamp) - firstAt <= elapsed) to += 1;
  return records.slice(from, to);
}

async function waitUntilDue(record: StreamRecord, speed: number, firstAt: number, started: number): Promise<void> {
  const dueInMs = (Date.parse(record.timestamp) - firstAt) / speed - (performance.now() - started);
  if (dueInMs > 0) await new Promise((resolve) => setTimeout(resolve, dueInMs));
}

/** Keeps recorded order within each topic-partition (kafkajs sends one topic's messages in the given order). */
function groupByTopic(batch: readonly StreamRecord[]) {
  const byTopic = new Map<string, StreamRecord[]>();
  for (const record of batch) byTopic.set(record.topic, [...(byTopic.get(record.topic) ?? []), record]);
  return [...byTopic].map(([topic, records]) => ({
    topic,
    messages: records.map((r) => ({
      partition: r.partition,
      key: r.key,
      value: Buffer.from(r.value, 'utf8'),
      headers: { ...r.headers },
      timestamp: String(Date.parse(r.timestamp)),
    })),
  }));
}
