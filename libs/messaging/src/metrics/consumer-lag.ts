import type { Admin } from 'kafkajs';

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** Records on the partition after the group's committed offset (all of them when it has committed none). */
  readonly lag: number;
}

/** The lag of a consumer group on each partition of the given topics: high watermark − committed offset. */
export async function fetchConsumerLag(admin: Admin, groupId: string, topics: readonly string[]): Promise<readonly PartitionLag[]> {
  if (topics.length === 0) return [];
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  const lags = await Promise.all(
    committed.map(async ({ topic, partitions }) => {
      const ends = await admin.fetchTopicOffsets(topic);
      return ends.map((end) => {
        const offset = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? '-1');
        const from = offset >= 0 ? offset : Number(end.low);
        return { topic, partition: end.partition, lag: Math.max(0, Number(end.high) - from) };
      });
    }),
  );
  return lags.flat();
}
