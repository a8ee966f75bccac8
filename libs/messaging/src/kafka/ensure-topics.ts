import type { Admin } from 'kafkajs';
import { whileKafkaSettles } from './retriable';

export interface TopicSpec {
  readonly topic: string;
  readonly numPartitions: number;
}

const READY_TIMEOUT_MS = 30_000;

/**
 * Creates the topics that do not exist yet (the broker runs with auto-create off) and waits until
 * every partition of every given topic has a leader in the broker's metadata. kafkajs'
 * `waitForLeaders` is not used: on KRaft a just-created topic can answer UNKNOWN_TOPIC_OR_PARTITION
 * for a moment, which it does not retry, and services creating the same topics at once hit it.
 */
export async function ensureTopics(admin: Admin, topics: readonly TopicSpec[]): Promise<void> {
  if (topics.length === 0) return;
  // Listing reads every topic's metadata: a topic another process is creating or deleting at that moment can
  // answer UNKNOWN_TOPIC_OR_PARTITION, which fails the whole list (seen at service start in CI): try again.
  const existing = new Set(await whileKafkaSettles(() => admin.listTopics()));
  const missing = topics.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) {
    // false (not an error) when another service created them first.
    await whileKafkaSettles(() => admin.createTopics({ waitForLeaders: false, topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions, replicationFactor: -1 })) }));
  }
  await waitForLeaders(admin, topics.map((t) => t.topic));
}

async function waitForLeaders(admin: Admin, topics: readonly string[]): Promise<void> {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  let last: unknown;
  while (performance.now() < deadline) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      const isReady = metadata.topics.length === topics.length && metadata.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      if (isReady) return;
      last = 'some partitions have no leader yet';
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`topics ${topics.join(', ')} had no leaders after ${READY_TIMEOUT_MS} ms: ${last instanceof Error ? last.message : String(last)}`, { cause: last });
}
