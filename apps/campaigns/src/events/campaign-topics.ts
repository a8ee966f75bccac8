import type { UpstreamEventType } from '@promo/contracts';
import type { CampaignsConfig } from '../config/env.schema';

/** The topic an upstream event type is consumed from (`KAFKA_TOPIC_PREFIX` lets tests use topics of their own). */
export function consumedTopic(config: Pick<CampaignsConfig, 'KAFKA_TOPIC_PREFIX'>, type: UpstreamEventType): string {
  return `${config.KAFKA_TOPIC_PREFIX}${type}`;
}
