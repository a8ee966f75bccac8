import { bullQueuePrefix } from '@promo/platform';
import type { CodeInventoryConfig } from '../config/env.schema';

export const GENERATION_QUEUE = 'code-generation';
/** The app part of the queue's BullMQ prefix. */
export const GENERATION_APP = 'code-inventory';

/** BullMQ does not take ioredis' keyPrefix; its own prefix keeps the queue under the app's Redis prefix, in one cluster slot. */
export function generationQueuePrefix(config: Pick<CodeInventoryConfig, 'REDIS_KEY_PREFIX'>): string {
  return bullQueuePrefix(config, GENERATION_APP);
}

export interface GenerationJobData {
  readonly jobId: string;
}
