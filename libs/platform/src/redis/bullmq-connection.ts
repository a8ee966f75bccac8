import { createRedisConnection, type RedisClient } from './redis-connection';

export interface BullConnectionConfig {
  readonly REDIS_URL: string;
  readonly REDIS_CLUSTER_NODES?: readonly string[] | undefined;
  readonly REDIS_KEY_PREFIX: string;
}

/** BullMQ wants a connection of its own: no keyPrefix (it has `prefix`) and `maxRetriesPerRequest: null`. */
export function createBullConnection(config: BullConnectionConfig): RedisClient {
  return createRedisConnection({ url: config.REDIS_URL, clusterNodes: config.REDIS_CLUSTER_NODES }, { maxRetriesPerRequest: null });
}

/**
 * An app's BullMQ prefix, under the deployment's REDIS_KEY_PREFIX. The braces are a hash tag: BullMQ's
 * scripts touch several keys of a queue at once, and on a Redis Cluster they must all hash to one slot.
 */
export function bullQueuePrefix(config: Pick<BullConnectionConfig, 'REDIS_KEY_PREFIX'>, app: string): string {
  return `{${config.REDIS_KEY_PREFIX}${app}:bull}`;
}
