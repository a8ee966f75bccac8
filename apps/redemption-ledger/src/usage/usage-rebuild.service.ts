import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, CLOCK, type Clock, REDIS } from '@promo/platform';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { RedemptionLedgerConfig } from '../config/env.schema';
import { type LiveHold, type PromotionLimitsRow, UsageStateRepository } from './usage-state.repository';
import { UsageGate } from './usage-gate';
import { UsageMetrics } from './usage.metrics';
import { limitArgs, type RedisLimits } from './usage-scripts';
import { SENTINEL_KEY, usageKeys } from './usage-keys';

/**
 * L3: Postgres is the source of truth; when Redis lost the ledger's keys (the sentinel is gone, or a
 * script finds a promotion's limits missing) every counter, hold and expiry is rebuilt from Postgres
 * before the gate opens again. Meanwhile reservations are refused with 503 and consumers wait.
 */
@Injectable()
export class UsageRebuildService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('usage-rebuild');
  private rebuilding: Promise<void> | undefined;
  private monitor: NodeJS.Timeout | undefined;
  private isStopped = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: RedemptionLedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly gate: UsageGate,
    private readonly state: UsageStateRepository,
    private readonly metrics: UsageMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.redis.exists(SENTINEL_KEY)) === 0) await this.trigger('no sentinel at start');
    this.scheduleCheck();
  }

  onApplicationShutdown(): void {
    this.isStopped = true;
    clearTimeout(this.monitor);
  }

  get isRebuilding(): boolean {
    return this.rebuilding !== undefined;
  }

  /** Resolves once no rebuild is running (at once when none is). */
  async whenReady(): Promise<void> {
    await this.rebuilding;
  }

  /** Starts a rebuild unless one is running; the gate closes synchronously, before this returns. */
  trigger(reason: string): Promise<void> {
    if (!this.rebuilding) {
      this.logger.warn({ reason }, 'Redis usage state lost; rebuilding from Postgres');
      const closed = this.gate.closeAndDrain();
      this.rebuilding = closed
        .then(() => this.rebuildAll())
        .then(() => void this.metrics.rebuilds.inc({ outcome: 'done' }))
        .catch((error: unknown) => {
          this.metrics.rebuilds.inc({ outcome: 'failed' });
          this.logger.error({ err: error }, 'usage rebuild failed; will retry on the next check');
        })
        .finally(() => {
          this.rebuilding = undefined;
          this.gate.open();
        });
    }
    return this.rebuilding;
  }

  private scheduleCheck(): void {
    if (this.isStopped) return;
    this.monitor = setTimeout(() => {
      void this.checkSentinel().finally(() => this.scheduleCheck());
    }, this.config.SENTINEL_CHECK_INTERVAL_MS);
  }

  private async checkSentinel(): Promise<void> {
    try {
      if (!this.isRebuilding && (await this.redis.exists(SENTINEL_KEY)) === 0) await this.trigger('sentinel missing');
    } catch (error) {
      this.logger.warn({ err: error }, 'sentinel check failed');
    }
  }

  private async rebuildAll(): Promise<void> {
    const started = performance.now();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // Waits for every consumer transaction holding the shared lock (usage-lock.ts) to commit.
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [this.keyPrefix()]);
      try {
        await this.deleteUsageKeys();
        const promotions = await this.state.allPromotionLimits(runner.manager);
        const holds = await this.state.liveHolds(runner.manager);
        for (const promotion of promotions) {
          await this.writePromotion(promotion, holds.get(promotion.promotionId) ?? []);
        }
        await this.redis.set(SENTINEL_KEY, this.clock.now().toISOString());
        this.logger.log({ promotions: promotions.length, ms: Math.round(performance.now() - started) }, 'usage counters rebuilt from Postgres');
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [this.keyPrefix()]);
      }
    } finally {
      await runner.release();
    }
  }

  /** One promotion in one MULTI: counters and holds first, the limits hash (what scripts check) with them. */
  private async writePromotion(promotion: PromotionLimitsRow, holds: readonly LiveHold[]): Promise<void> {
    const keys = usageKeys({ promotionId: promotion.promotionId, codeKey: null, customerId: null, holdId: '-' });
    const counters = new Map<string, number>();
    const add = (key: string, units: number) => counters.set(key, (counters.get(key) ?? 0) + units);
    const multi = this.redis.multi();
    for (const hold of holds) {
      const holdKeys = usageKeys({ promotionId: promotion.promotionId, codeKey: hold.codeKey, customerId: hold.customerId, holdId: hold.holdId });
      add(holdKeys.total, hold.units);
      if (hold.codeKey !== null) add(holdKeys.code, hold.units);
      if (hold.customerId !== null) add(holdKeys.customer, hold.units);
      const expiresAt = hold.expiresAt?.getTime() ?? 0;
      multi.hset(holdKeys.hold, {
        state: hold.state,
        units: hold.units,
        hasCode: hold.codeKey === null ? '0' : '1',
        hasCustomer: hold.customerId === null ? '0' : '1',
        code: hold.codeKey ?? '',
        customer: hold.customerId ?? '',
        fingerprint: hold.fingerprint ?? '',
        expiresAt,
      });
      if (hold.state === 'reserved') multi.zadd(holdKeys.expiries, expiresAt, hold.holdId);
    }
    for (const [key, units] of counters) multi.set(key, units);
    const [total, perCode, perCustomer, unit, deleted, version] = limitArgs(redisLimitsOf(promotion));
    multi.hset(keys.limits, { total, perCode, perCustomer, unit, deleted, version });
    await multi.exec();
  }

  /** Deletes every usage key under this app's prefix (SCAN matches full names; DEL would add the prefix again). */
  private async deleteUsageKeys(): Promise<void> {
    const prefix = this.keyPrefix();
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', `${prefix}usage:*`, 'COUNT', 1000);
      cursor = next;
      const own = found.map((key) => key.slice(prefix.length));
      if (own.length > 0) await this.redis.unlink(...own);
    } while (cursor !== '0');
  }

  private keyPrefix(): string {
    return this.redis.options.keyPrefix ?? '';
  }
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
  };
}
