import { Inject, Injectable } from '@nestjs/common';
import { consumedTopic, KAFKA_ADMIN } from '@promo/messaging';
import { APP_CONFIG, CLOCK, type Clock } from '@promo/platform';
import type { Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { CampaignsConfig } from '../config/env.schema';
import { PartitionProgressEntity } from './partition-progress.entity';

/**
 * The K4 watermark: the event time up to which no `order.placed` (nor a cart change) can still
 * arrive. Each partition of the order.placed and cart.updated topics is at the greatest event time
 * consumed on it; a partition that is caught up (our committed offset at its high-water mark) is at
 * the latest time the service knows (the greatest event time consumed on any input topic, or the
 * injected clock, whichever is later), so it never holds the watermark back. The watermark is the
 * minimum over the partitions.
 *
 * cart.updated counts as well as order.placed: deciding in due-time order (and the 24 h cap) needs
 * every cart due before T to be known, and a cart's due time comes from its latest snapshot.
 */
@Injectable()
export class WatermarkService {
  private readonly topics: readonly string[];
  private isAdminConnected = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: CampaignsConfig,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {
    this.topics = [consumedTopic(config.KAFKA_TOPIC_PREFIX, 'order.placed'), consumedTopic(config.KAFKA_TOPIC_PREFIX, 'cart.updated')];
  }

  /** null while some partition has consumed nothing and is not caught up. */
  async current(): Promise<Date | null> {
    if (!this.isAdminConnected) {
      await this.admin.connect();
      this.isAdminConnected = true;
    }
    // Read "latest known" first: every record it counts was produced before the high-water marks below are read.
    const progressBefore = await this.dataSource.getRepository(PartitionProgressEntity).find();
    const latestKnown = Math.max(this.clock.now().getTime(), ...progressBefore.map((p) => p.maxEventTime.getTime()));
    const highs = new Map<string, { readonly partition: number; readonly high: string; readonly low: string }[]>();
    for (const topic of this.topics) highs.set(topic, await this.admin.fetchTopicOffsets(topic));
    const committed = await this.admin.fetchOffsets({ groupId: this.config.KAFKA_GROUP_ID, topics: [...this.topics] });
    const progress = await this.dataSource.getRepository(PartitionProgressEntity).find();
    let watermark = Number.POSITIVE_INFINITY;
    for (const topic of this.topics) {
      const committedByPartition = new Map((committed.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
      for (const { partition, high, low } of highs.get(topic) ?? []) {
        const position = committedByPartition.get(partition) ?? -1n;
        const isCaughtUp = high === low || position >= BigInt(high);
        const at = isCaughtUp ? latestKnown : (progress.find((p) => p.topic === topic && p.partition === partition)?.maxEventTime.getTime() ?? Number.NEGATIVE_INFINITY);
        watermark = Math.min(watermark, at);
      }
    }
    return Number.isFinite(watermark) ? new Date(watermark) : null;
  }
}
