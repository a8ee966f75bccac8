import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, PeriodicTask, REDIS, type RedisClient, redisMasters } from '@promo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { RedemptionLedgerConfig } from '../config/env.schema';
import { type LiveHold, type PromotionLimitsRow, UsageStateRepository } from './usage-state.repository';
import { UsageMetrics } from './usage.metrics';
import { holdUsageLockExclusive } from './usage-lock';
import { ReplicaAcknowledgements } from './redis-replication';
import { FENCE_FIELD, limitArgs, type RedisLimits, sharedCodeFields } from './usage-scripts';
import { SENTINEL_KEY, usageKeys } from './usage-keys';

const FENCE_BATCH = 1_000;

/**
 * L3: Postgres is the source of truth; when Redis lost the ledger's keys (the sentinel is gone, or a
 * script finds a promotion's limits missing) every counter, hold and expiry is rebuilt from Postgres.
 * Ops run several replicas on one Redis, so nothing here relies on being the only process:
 *
 * 1. The rebuild takes the exclusive usage lock (usage-lock.ts) in a transaction: it waits for every
 *    replica's transaction that recorded a usage step, and a second rebuild waits for the first.
 * 2. Under the lock it reads the sentinel again. The sentinel holds the epoch of the last rebuild; when it
 *    is there and is not the one this replica saw when it noticed the loss, another replica rebuilt in
 *    the meantime and this one stops (`skipped`). Two replicas noticing one loss rebuild once.
 * 3. It deletes the sentinel (a rebuild that dies from here on is redone by whichever replica checks
 *    next), then writes a fence into every promotion's limits hash. Every reserve, commit and release
 *    script on every replica answers `rebuilding` (503 or a retry) while it is there.
 * 4. It deletes every other usage key, writes each promotion's counters, holds and expiries with its
 *    limits, which clears that promotion's fence in the same MULTI, then sets the sentinel to a new epoch.
 *
 * Cost: one HEXISTS per script call; during a rebuild every use of every replica is refused, for about as
 * long as deleting and rewriting the keys takes (tens of thousands of holds: well under a second).
 */
@Injectable()
export class UsageRebuildService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('usage-rebuild');
  /** This process's rebuild, queued or running (others are serialized by the lock, and skip by epoch). */
  private rebuilding: Promise<void> | undefined;
  /** Checks the sentinel every interval: its absence means Redis lost the usage state. */
  private readonly monitor: PeriodicTask;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: RedemptionLedgerConfig,
    private readonly dataSource: DataSource,
    private readonly state: UsageStateRepository,
    private readonly metrics: UsageMetrics,
  ) {
    this.monitor = new PeriodicTask(config.SENTINEL_CHECK_INTERVAL_MS, () => this.checkSentinel());
  }

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.redis.exists(SENTINEL_KEY)) === 0) await this.trigger('no sentinel at start');
    this.monitor.start();
  }

  /** Before any shutdown hook closes Redis or Postgres: no check starts, and the check or rebuild under way ends first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.monitor.stop();
    await this.rebuilding;
  }

  /**
   * Rebuilds unless this process has a rebuild queued or running already. Never call it awaiting from a
   * transaction that holds the shared usage lock: the rebuild waits for that transaction to end.
   */
  trigger(reason: string): Promise<void> {
    this.rebuilding ??= this.rebuildOnce(reason).finally(() => (this.rebuilding = undefined));
    return this.rebuilding;
  }

  private async rebuildOnce(reason: string): Promise<void> {
    try {
      // The epoch seen now: a rebuild by any replica after this moment makes this one unnecessary.
      const observed = await this.redis.get(SENTINEL_KEY);
      this.logger.warn({ reason, epoch: observed }, 'Redis usage state lost; rebuilding from Postgres');
      const outcome = await this.dataSource.transaction((manager) => this.rebuildAll(manager, observed));
      this.metrics.rebuilds.inc({ outcome });
    } catch (error) {
      this.metrics.rebuilds.inc({ outcome: 'failed' });
      this.logger.error({ err: error }, 'usage rebuild failed; will retry on the next check');
    }
  }

  private async checkSentinel(): Promise<void> {
    try {
      if (!this.rebuilding && (await this.redis.exists(SENTINEL_KEY)) === 0) await this.trigger('sentinel missing');
    } catch (error) {
      this.logger.warn({ err: error }, 'sentinel check failed');
    }
  }

  private async rebuildAll(manager: EntityManager, observed: string | null): Promise<'done' | 'skipped'> {
    const started = performance.now();
    await holdUsageLockExclusive(manager, this.keyPrefix());
    const current = await this.redis.get(SENTINEL_KEY);
    if (current !== null && current !== observed) {
      this.logger.log({ epoch: current }, 'usage counters were rebuilt by another replica meanwhile');
      return 'skipped';
    }
    const epoch = randomUUID();
    await this.redis.del(SENTINEL_KEY);
    const promotions = await this.state.allPromotionLimits(manager);
    const limitsKeys = promotions.map((promotion) => limitsKeyOf(promotion.promotionId));
    await this.fence(limitsKeys, epoch);
    await this.deleteUsageKeys(new Set(limitsKeys));
    const holds = await this.state.liveHolds(manager);
    for (const promotion of promotions) {
      await this.writePromotion(promotion, holds.get(promotion.promotionId) ?? []);
    }
    await this.replicated();
    await this.redis.set(SENTINEL_KEY, epoch);
    this.logger.log({ promotions: promotions.length, epoch, ms: Math.round(performance.now() - started) }, 'usage counters rebuilt from Postgres');
    return 'done';
  }

  /**
   * Step 3: every promotion's scripts refuse from here on, on every replica (a lost limits hash gets a
   * fence-only hash). Commands in flight together, not one pipeline: on a Redis Cluster the promotions'
   * keys live on several masters.
   */
  private async fence(limitsKeys: readonly string[], epoch: string): Promise<void> {
    for (let start = 0; start < limitsKeys.length; start += FENCE_BATCH) {
      await Promise.all(limitsKeys.slice(start, start + FENCE_BATCH).map((key) => this.redis.hset(key, FENCE_FIELD, epoch)));
    }
  }

  /** #20: with replicas, the rebuilt state is on them before the sentinel says it is done (a failover cannot undo it). */
  private replicated(): Promise<void> {
    return new ReplicaAcknowledgements(this.redis, this.config).allAcknowledged();
  }

  /** One promotion in one MULTI: counters and holds first, the limits hash (what scripts check) with them, its fence dropped. */
  private async writePromotion(promotion: PromotionLimitsRow, holds: readonly LiveHold[]): Promise<void> {
    const limitsKey = limitsKeyOf(promotion.promotionId);
    const counters = new Map<string, number>();
    const add = (key: string, units: number) => counters.set(key, (counters.get(key) ?? 0) + units);
    const multi = this.redis.multi();
    for (const hold of holds) {
      const holdKeys = usageKeys({ promotionId: promotion.promotionId, codeKey: hold.codeKey, customerId: hold.customerId, holdId: hold.holdId });
      add(holdKeys.total, hold.units);
      if (hold.codeKey !== null) add(holdKeys.code, hold.units);
      // #19.5: the per-customer limit counts orders, one per use.
      if (hold.customerId !== null) add(holdKeys.customer, 1);
      if (hold.discountAmount > 0) add(holdKeys.budget, hold.discountAmount);
      const expiresAt = hold.expiresAt?.getTime() ?? 0;
      multi.hset(holdKeys.hold, {
        state: hold.state,
        units: hold.units,
        hasCode: hold.codeKey === null ? '0' : '1',
        hasCustomer: hold.customerId === null ? '0' : '1',
        customerUnits: hold.customerId === null ? '0' : '1',
        code: hold.codeKey ?? '',
        customer: hold.customerId ?? '',
        fingerprint: hold.fingerprint ?? '',
        expiresAt,
        discount: hold.discountAmount,
      });
      if (hold.state === 'reserved') multi.zadd(holdKeys.expiries, expiresAt, hold.holdId);
    }
    for (const [key, units] of counters) multi.set(key, units);
    const limits = redisLimitsOf(promotion);
    const [total, perCode, perCustomer, unit, deleted, version, budget, budgetCurrency] = limitArgs(limits);
    multi.del(limitsKey);
    multi.hset(limitsKey, { total, perCode, perCustomer, unit, deleted, version, budget, budgetCurrency, ...sharedCodeFields(limits) });
    await multi.exec();
  }

  /**
   * Deletes every usage key under this app's prefix but the fenced limits hashes. SCAN visits every master
   * of a cluster and matches full names; the keys are unlinked through the client, which adds the prefix
   * again and routes each to its slot's master. Every key a script made before the fence exists for the
   * whole scan, so SCAN returns it; while fenced, no script makes one.
   */
  private async deleteUsageKeys(keep: ReadonlySet<string>): Promise<void> {
    const prefix = this.keyPrefix();
    for (const master of redisMasters(this.redis)) {
      let cursor = '0';
      do {
        const [next, found] = await master.scan(cursor, 'MATCH', `${prefix}usage:*`, 'COUNT', 1000);
        cursor = next;
        const own = found.map((key) => key.slice(prefix.length)).filter((key) => !keep.has(key));
        await Promise.all(own.map((key) => this.redis.unlink(key)));
      } while (cursor !== '0');
    }
  }

  private keyPrefix(): string {
    return this.redis.options.keyPrefix ?? '';
  }
}

function limitsKeyOf(promotionId: string): string {
  return usageKeys({ promotionId, codeKey: null, customerId: null, holdId: '-' }).limits;
}

/** L1 limits as the scripts read them; a coupon without usesPerCustomer was given 1 when stored. */
export function redisLimitsOf(row: PromotionLimitsRow): RedisLimits {
  return {
    total: row.totalUses ?? -1,
    perCode: row.usesPerCode ?? -1,
    perCustomer: row.usesPerCustomer ?? -1,
    unit: row.consumeUnit,
    isDeleted: row.isDeleted,
    version: row.version,
    sharedCodes: row.sharedCodes,
    budget: row.budget ?? -1,
    budgetCurrency: row.budgetCurrency ?? '',
  };
}
