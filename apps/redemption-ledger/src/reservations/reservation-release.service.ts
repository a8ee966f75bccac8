import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, CLOCK, type Clock, NotFoundError, REDIS, type RedisClient } from '@promo/platform';
import { DataSource } from 'typeorm';
import { runUsageStep } from '../common/run-usage-step';
import type { RedemptionLedgerConfig } from '../config/env.schema';
import { LedgerRepository } from '../ledger/ledger.repository';
import { UsageHoldsRepository } from '../usage/usage-holds.repository';
import { holdUsageLockShared } from '../usage/usage-lock';
import { UsageRebuildService } from '../usage/usage-rebuild.service';
import { UsageRebuildingError, UsageScripts } from '../usage/usage-scripts';
import type { ReservationStatus } from './reservation';
import { ReservationsRepository } from './reservations.repository';

export interface ReleaseAnswer {
  readonly reservationId: string;
  readonly status: ReservationStatus;
  /** Uses given back by this call (0 when released, expired or committed before). */
  readonly released: number;
}

/** L2: the checkout gives a reservation back before its TTL (a cart emptied, a payment failed). Idempotent. */
@Injectable()
export class ReservationReleaseService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: RedemptionLedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly dataSource: DataSource,
    private readonly rebuild: UsageRebuildService,
    private readonly scripts: UsageScripts,
    private readonly holds: UsageHoldsRepository,
    private readonly reservations: ReservationsRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  async release(reservationId: string): Promise<ReleaseAnswer> {
    return runUsageStep(this.config.REBUILD_RETRY_AFTER_S, () => this.releaseHolds(reservationId));
  }

  private async releaseHolds(reservationId: string): Promise<ReleaseAnswer> {
    const stored = await this.reservations.find(this.dataSource.manager, reservationId);
    if (!stored) throw new NotFoundError(`no reservation ${reservationId}`);
    const now = this.clock.now();
    // The scripts and the rows recording them under the shared usage lock: a rebuild on any replica reads
    // Postgres either before both or after both, never between (it would write back a hold given back here).
    const released = await this.dataSource.transaction(async (manager) => {
      await holdUsageLockShared(manager, this.redis.options.keyPrefix ?? '');
      const held = (await this.holds.ofReservation(manager, reservationId)).filter((hold) => hold.state === 'reserved');
      const given: string[] = [];
      for (const hold of held) {
        const outcome = await this.scripts.release(hold, 'release', now.getTime());
        if (outcome.kind === 'not_loaded') void this.rebuild.trigger(`limits of ${hold.promotionId} missing`);
        if (outcome.kind === 'not_loaded' || outcome.kind === 'rebuilding') throw new UsageRebuildingError(`usage counters of ${hold.promotionId} are being rebuilt`);
        if (outcome.kind === 'released' || outcome.kind === 'missing') given.push(hold.holdId);
      }
      const moved = await this.holds.transition(manager, given, ['reserved'], 'released', now);
      await this.ledger.append(
        manager,
        moved.map((hold) => ({ kind: 'released', orderId: null, reservationId, promotionId: hold.promotionId, code: hold.code, codeKey: hold.codeKey, customerId: hold.customerId, units: hold.units, reason: 'released_by_client', discountAmount: null, currency: null, at: now })),
      );
      await this.reservations.setStatus(manager, [reservationId], 'reserved', 'released');
      return moved.length;
    });
    const after = await this.reservations.find(this.dataSource.manager, reservationId);
    return { reservationId, status: after?.status ?? stored.status, released };
  }
}
