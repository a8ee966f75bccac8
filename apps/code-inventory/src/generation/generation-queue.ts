import type { CodeInventoryConfig } from '../config/env.schema';

export const GENERATION_QUEUE = 'code-generation';

/** BullMQ does not take ioredis' keyPrefix; its own prefix keeps the queue under the app's Redis prefix. */
export function generationQueuePrefix(config: CodeInventoryConfig): string {
  return `${config.REDIS_KEY_PREFIX}code-inventory:bull`;
}

export interface GenerationJobData {
  readonly jobId: string;
}
