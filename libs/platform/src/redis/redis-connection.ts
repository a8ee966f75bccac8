import { keySlot } from './key-slot';
import { Cluster, Redis } from 'ioredis';

/**
 * One Redis or a Redis Cluster (issue 20). Both speak the same commands; a Cluster routes each command to
 * the master of its key's slot, so a multi-key script or MULTI must keep its keys in one slot through a
 * hash tag (`usage:{<promotionId>}:…`, BullMQ's `{<prefix>}`), or Redis answers CROSSSLOT.
 */
export type RedisClient = Redis | Cluster;

export interface RedisConnectionOptions {
  readonly url: string;
  /** `host:port` of some of the cluster's nodes (REDIS_CLUSTER_NODES); when given, `url` is not used. */
  readonly clusterNodes?: readonly string[] | undefined;
}

export interface RedisClientOptions {
  /** Prepended to every key, the KEYS of scripts included. */
  readonly keyPrefix?: string;
  /**
   * null: a command waits for the connection however long it takes (BullMQ requires it for its blocking
   * workers). A number: the command fails after that many reconnects, so a request answers 503.
   */
  readonly maxRetriesPerRequest: number | null;
}

export function createRedisConnection(connection: RedisConnectionOptions, options: RedisClientOptions): RedisClient {
  const keyPrefix = options.keyPrefix === undefined || options.keyPrefix === '' ? {} : { keyPrefix: options.keyPrefix };
  if (connection.clusterNodes && connection.clusterNodes.length > 0) {
    return new Cluster(connection.clusterNodes.map(parseNode), {
      ...keyPrefix,
      enableReadyCheck: true,
      // Reads go to masters too: a replica may lag behind a write the caller just made.
      scaleReads: 'master',
      redisOptions: { maxRetriesPerRequest: options.maxRetriesPerRequest },
      // A master that died is replaced by its replica after cluster-node-timeout; keep asking meanwhile.
      clusterRetryStrategy: (times) => Math.min(100 * times, 2_000),
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 300,
    });
  }
  return new Redis(connection.url, { ...keyPrefix, maxRetriesPerRequest: options.maxRetriesPerRequest, enableReadyCheck: true, lazyConnect: false });
}

/** The connections a keyspace-wide command (SCAN) must visit: every master of a cluster, or the one server. */
export function redisMasters(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}

/**
 * The connection that runs the commands on `key` (the client's keyPrefix added, as ioredis does): the
 * master of its slot on a cluster, else the one server. WAIT must go there, on the connection that wrote.
 */
export function connectionOfKey(client: RedisClient, key: string): Redis {
  if (!(client instanceof Cluster)) return client;
  const slot = keySlot(`${client.options.keyPrefix ?? ''}${key}`);
  const master = client.slots[slot]?.[0];
  const node = client.nodes('master').find((n) => `${n.options.host}:${n.options.port}` === master);
  if (!node) throw new Error(`no connection to the master of slot ${slot} (${master ?? 'unassigned'})`);
  return node;
}

export function isRedisCluster(client: RedisClient): client is Cluster {
  return client instanceof Cluster;
}

/** A comma-separated `host:port` list (REDIS_CLUSTER_NODES); empty or absent: not a cluster. */
export function parseClusterNodes(value: string | undefined): string[] | undefined {
  const nodes = (value ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
  return nodes.length === 0 ? undefined : nodes;
}

function parseNode(node: string): { host: string; port: number } {
  const at = node.lastIndexOf(':');
  return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
}
