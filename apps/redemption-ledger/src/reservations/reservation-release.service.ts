import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, CLOCK, type Clock, NotFoundError } from '@promo/platform';
import { DataSource } from 'typeorm';
import { runUsageStep } from '../common/run-usage-step';
import type { RedemptionLedgerConfig } from '../config/env.schema';
import { LedgerRepository } from '../ledger/ledger.repository';
import { UsageGate } from '../usage/usage-gate';
import { UsageHoldsRepository } from '../usage/usage-holds.repository';
import { UsageScripts } from '../usage/usage-scripts';
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
    private readonly dataSource: DataSource,
    private readonly gate: UsageGate,
    private readonly scripts: UsageScripts,
    private readonly holds: UsageHoldsRepository,
    private readonly reservations: ReservationsRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  async release(reservationId: string): Promise<ReleaseAnswer> {
    return runUsageStep(this.gate, this.config.REBUILD_RETRY_AFTER_S, () => this.releaseInGate(reservationId));
  }

  private async releaseInGate(reservationId: string): Promise<ReleaseAnswer> {
    const stored = await this.reservations.find(this.dataSource.manager, reservationId);
    if (!stored) throw new NotFoundError(`no reservation ${reservationId}`);
    const now = this.clock.now();
    const held = (await this.holds.ofReservation(this.dataSource.manager, reservationId)).filter((hold) => hold.state === 'reserved');
    const given: string[] = [];
    for (const hold of held) {
      const outcome = await this.scripts.release(hold, 'release', now.getTime());
      if (outcome.kind === 'released' || outcome.kind === 'missing') given.push(hold.holdId);
    }
    const released = await this.dataSource.transaction(async (manager) => {
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
