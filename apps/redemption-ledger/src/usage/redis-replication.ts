import { connectionOfKey, type RedisClient, redisMasters } from '@promo/platform';
import type { Redis } from 'ioredis';
import type { RedemptionLedgerConfig } from '../config/env.schema';
import { guardedRedisCall, UsageStoreUnavailableError } from './usage-store-unavailable';

type ReplicationConfig = Pick<RedemptionLedgerConfig, 'LEDGER_REDIS_WAIT_REPLICAS' | 'LEDGER_REDIS_WAIT_TIMEOUT_MS' | 'REDIS_CLUSTER_NODES'>;

/** After a master fell short of replicas, how long its steps are refused without trying (a replica rejoins in seconds). */
const SHORT_OF_REPLICAS_MS = 1_000;

/**
 * How many replicas must hold a usage step before the ledger answers it (#20). Unset: 1 on a Redis Cluster
 * (each master has a replica), 0 on a single Redis (nothing to wait for).
 */
export function redisWaitReplicas(config: Pick<ReplicationConfig, 'LEDGER_REDIS_WAIT_REPLICAS' | 'REDIS_CLUSTER_NODES'>): number {
  return config.LEDGER_REDIS_WAIT_REPLICAS ?? (config.REDIS_CLUSTER_NODES ? 1 : 0);
}

/**
 * #20: Redis replicates asynchronously, so a master that dies right after answering can take an increment
 * with it, and the replica promoted in its place would admit uses beyond the limit. A usage step is
 * therefore answered only once `WAIT` says the replicas hold it: WAIT on the very connection that wrote it
 * (the master of the promotion's slot), so it covers that write. A failover then promotes a replica that
 * has every acknowledged step, and no limit is overrun by a lost write.
 *
 * Fewer acknowledgements within the timeout: the step is unconfirmed and answers as Redis unavailable (503,
 * or the event is retried); a retry finds the hold (`exists`) and confirms it. The unconfirmed hold can
 * only make the counters higher than Postgres until it expires, never lower. A master left without a
 * replica (its replica promoted, the old master not back yet) refuses every step for its slots until one
 * rejoins: for a second after each shortfall without even trying, so clients get a fast 503.
 * The cost: one WAIT round trip per step (BENCH ledger.lua_reserve_per_s.cluster).
 */
export class ReplicaAcknowledgements {
  private readonly replicas: number;
  private readonly timeoutMs: number;
  /** `host:port` of masters whose last WAIT fell short → until when (performance.now()) steps there fail fast. */
  private readonly shortOfReplicas = new Map<string, number>();

  constructor(
    private readonly redis: RedisClient,
    config: ReplicationConfig,
  ) {
    this.replicas = redisWaitReplicas(config);
    this.timeoutMs = config.LEDGER_REDIS_WAIT_TIMEOUT_MS;
  }

  /** Throws at once when the master of `key`'s slot fell short of replicas within the last second. */
  assertReplicated(key: string): void {
    if (this.replicas === 0) return;
    const master = addressOf(this.masterOf(key));
    const until = this.shortOfReplicas.get(master);
    if (until === undefined) return;
    if (performance.now() < until) throw new UsageStoreUnavailableError(`the Redis master ${master} had fewer than ${this.replicas} replicas a moment ago`);
    this.shortOfReplicas.delete(master);
  }

  /** Resolves once the replicas hold every write made so far on the connection of `key`'s slot. */
  async acknowledged(key: string): Promise<void> {
    await this.acknowledgedAll([key]);
  }

  /** acknowledged() for the slots of many keys (#21: a pipelined batch): one WAIT per master among them. */
  async acknowledgedAll(keys: readonly string[]): Promise<void> {
    if (this.replicas === 0) return;
    const masters = new Map<string, Redis>();
    for (const key of keys) {
      const master = this.masterOf(key);
      masters.set(addressOf(master), master);
    }
    await Promise.all(
      [...masters].map(async ([address, master]) => {
        try {
          await waitForReplicas(master, this.replicas, this.timeoutMs);
        } catch (error) {
          this.shortOfReplicas.set(address, performance.now() + SHORT_OF_REPLICAS_MS);
          throw error;
        }
      }),
    );
  }

  /** Every master's writes so far are on its replicas (the end of a rebuild). */
  async allAcknowledged(): Promise<void> {
    if (this.replicas === 0) return;
    await Promise.all(redisMasters(this.redis).map((master) => waitForReplicas(master, this.replicas, this.timeoutMs)));
  }

  private masterOf(key: string): Redis {
    try {
      return connectionOfKey(this.redis, key);
    } catch (error) {
      throw new UsageStoreUnavailableError('no Redis master serves the slot right now', { cause: error });
    }
  }
}

async function waitForReplicas(connection: Redis, replicas: number, timeoutMs: number): Promise<void> {
  const acknowledged = await guardedRedisCall(() => connection.wait(replicas, timeoutMs));
  if (acknowledged < replicas) {
    throw new UsageStoreUnavailableError(`${acknowledged} of ${replicas} Redis replicas acknowledged a usage step within ${timeoutMs} ms`);
  }
}

function addressOf(connection: Redis): string {
  return `${connection.options.host ?? ''}:${connection.options.port ?? ''}`;
}
