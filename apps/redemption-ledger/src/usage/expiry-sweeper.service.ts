import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, CLOCK, type Clock, PeriodicTask, REDIS, type RedisClient } from '@promo/platform';
import { DataSource } from 'typeorm';
import type { RedemptionLedgerConfig } from '../config/env.schema';
import type { LedgerEntryInput } from '../ledger/ledger-entry';
import { LedgerRepository } from '../ledger/ledger.repository';
import { type HoldRow, UsageHoldsRepository } from './usage-holds.repository';
import { promotionTag, SWEEPER_LEASE_KEY, type UseTarget } from './usage-keys';
import { holdUsageLockShared } from './usage-lock';
import { UsageScripts } from './usage-scripts';

const BATCH = 500;

/**
 * L2: a reservation not committed within its TTL gives its uses back. A periodic scan of each
 * promotion's expiries (a sorted set by expiry) releases what is due by the injected clock; the
 * release script re-checks the expiry and state, so a commit racing the sweep always wins or loses whole.
 *
 * At N replicas: each pass first takes a lease in Redis for one interval, so one replica sweeps per
 * interval instead of every replica scanning every promotion (two sweeps at once would still be right:
 * the script and the state transition each act once). Each batch's scripts and rows run in one
 * transaction under the shared usage lock, so a rebuild on any replica sees both or neither; a fenced
 * promotion (`rebuilding`) is left for the next pass.
 */
@Injectable()
export class ExpirySweeperService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('expiry-sweeper');
  private readonly passes: PeriodicTask;

  constructor(
    @Inject(APP_CONFIG) private readonly config: RedemptionLedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly dataSource: DataSource,
    private readonly scripts: UsageScripts,
    private readonly holds: UsageHoldsRepository,
    private readonly ledger: LedgerRepository,
  ) {
    this.passes = new PeriodicTask(config.EXPIRY_SWEEP_INTERVAL_MS, () =>
      this.sweep().then(
        () => undefined,
        (error: unknown) => this.logger.warn({ err: error }, 'expiry sweep failed; will retry'),
      ),
    );
  }

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  /** Before any shutdown hook closes Redis or Postgres: no pass starts, and the one under way ends first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }

  /** One pass over every promotion unless another replica holds this interval's lease; returns how many holds expired. */
  async sweep(): Promise<number> {
    if ((await this.redis.set(SWEEPER_LEASE_KEY, '1', 'PX', this.config.EXPIRY_SWEEP_INTERVAL_MS, 'NX')) !== 'OK') return 0;
    const promotions: { promotion_id: string }[] = await this.dataSource.query('SELECT promotion_id FROM promotion_limits');
    let expired = 0;
    for (const { promotion_id: promotionId } of promotions) {
      const nowMs = this.clock.now().getTime();
      const due = await this.redis.zrangebyscore(`${promotionTag(promotionId)}:expiries`, '-inf', nowMs, 'LIMIT', 0, BATCH);
      if (due.length === 0) continue;
      expired += await this.expire(promotionId, due, nowMs);
    }
    return expired;
  }

  private async expire(promotionId: string, holdIds: readonly string[], nowMs: number): Promise<number> {
    const at = new Date(nowMs);
    return this.dataSource.transaction(async (manager) => {
      await holdUsageLockShared(manager, this.redis.options.keyPrefix ?? '');
      const known = new Map((await this.holds.byIds(manager, holdIds)).map((hold) => [hold.holdId, hold]));
      const released: string[] = [];
      for (const holdId of holdIds) {
        const target = known.get(holdId) ?? (await this.targetFromRedis(promotionId, holdId));
        const outcome = await this.scripts.release(target, 'expire', nowMs);
        if (outcome.kind === 'rebuilding' || outcome.kind === 'not_loaded') break; // the rebuild restores the rest from Postgres
        if (outcome.kind === 'released' || outcome.kind === 'missing') released.push(holdId);
      }
      const moved = await this.holds.transition(manager, released, ['reserved'], 'expired', at);
      await this.ledger.append(manager, moved.map((hold) => expiredEntry(hold, at)));
      const reservationIds = [...new Set(moved.map((hold) => hold.reservationId).filter((id): id is string => id !== null))];
      if (reservationIds.length > 0) await manager.query(`UPDATE reservations SET status = 'expired' WHERE reservation_id = ANY($1::text[]) AND status = 'reserved'`, [reservationIds]);
      return moved.length;
    });
  }

  /** A hold Postgres does not know (its process died before writing it): its keys are in the hold itself. */
  private async targetFromRedis(promotionId: string, holdId: string): Promise<UseTarget> {
    const [code, customer] = await this.redis.hmget(`${promotionTag(promotionId)}:hold:${holdId}`, 'code', 'customer');
    return { promotionId, holdId, codeKey: code ? code : null, customerId: customer ? customer : null };
  }
}

function expiredEntry(hold: HoldRow, at: Date): LedgerEntryInput {
  return {
    kind: 'expired',
    orderId: null,
    reservationId: hold.reservationId,
    promotionId: hold.promotionId,
    code: hold.code,
    codeKey: hold.codeKey,
    customerId: hold.customerId,
    units: hold.units,
    reason: 'ttl_elapsed',
    discountAmount: null,
    currency: null,
    at,
  };
}
