import { type Job, Queue, Worker, type WorkerOptions } from 'bullmq';
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

/** A BullMQ queue on a connection of its own; `close()` closes both, queue first. */
export interface OwnedQueue<T> {
  readonly queue: Queue<T>;
  close(): Promise<void>;
}

/** A BullMQ worker on a connection of its own; `close()` waits for the jobs in hand, then closes both. */
export interface OwnedWorker<T> {
  readonly worker: Worker<T>;
  close(): Promise<void>;
}

/** The one way services open a BullMQ queue: its own connection and the app's cluster-safe prefix. */
export function openBullQueue<T>(config: BullConnectionConfig, app: string, name: string): OwnedQueue<T> {
  const connection = createBullConnection(config);
  const queue = new Queue<T>(name, { connection, prefix: bullQueuePrefix(config, app) });
  return {
    queue,
    async close() {
      await queue.close();
      await connection.quit();
    },
  };
}

/** The one way services start a BullMQ worker, with the same connection and prefix rules as the queue. */
export function startBullWorker<T>(
  config: BullConnectionConfig,
  app: string,
  name: string,
  process: (job: Job<T>) => Promise<unknown>,
  options: Omit<WorkerOptions, 'connection' | 'prefix'> = {},
): OwnedWorker<T> {
  const connection = createBullConnection(config);
  const worker = new Worker<T>(name, process, { ...options, connection, prefix: bullQueuePrefix(config, app) });
  return {
    worker,
    async close() {
      await worker.close();
      await connection.quit();
    },
  };
}
