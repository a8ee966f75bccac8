import type { Admin } from 'kafkajs';

/** Total records not yet committed by `groupId` on `topics` (0 = caught up). */
export async function consumerLag(admin: Admin, groupId: string, topics: readonly string[]): Promise<number> {
  const [committed, ends] = await Promise.all([
    admin.fetchOffsets({ groupId, topics: [...topics] }),
    Promise.all(topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) }))),
  ]);
  let lag = 0;
  for (const { topic, partitions } of ends) {
    const groupTopic = committed.find((c) => c.topic === topic);
    for (const p of partitions) {
      const end = Number(p.high);
      const at = Number(groupTopic?.partitions.find((c) => c.partition === p.partition)?.offset ?? -1);
      lag += at < 0 ? end - Number(p.low) : Math.max(0, end - at);
    }
  }
  return lag;
}
