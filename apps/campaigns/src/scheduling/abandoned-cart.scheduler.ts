import { Inject, Injectable } from '@nestjs/common';
import type { CartUpdatedData } from '@promo/contracts';
import { CLOCK, type Clock } from '@promo/platform';
import type { EntityManager } from 'typeorm';
import { enabledAbandonedCartCampaigns } from '../campaigns/campaigns.service';
import { AbandonedCartQueue, dueJobId } from './abandoned-cart.queue';
import { type ScheduleToWrite, writeSchedules } from './email-schedules.repository';

const MINUTE_MS = 60_000;

/**
 * Turns a cart's latest snapshot into one schedule row and one delayed job per (campaign, step), due
 * `updatedAt` + the step's delay (K1). A step already sent is never scheduled again; an emptied cart
 * cancels its pending steps.
 */
@Injectable()
export class AbandonedCartScheduler {
  constructor(
    private readonly queue: AbandonedCartQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async reschedule(manager: EntityManager, cart: CartUpdatedData): Promise<void> {
    await this.rescheduleMany(manager, [cart]);
  }

  /**
   * #21: reschedule() for many carts (each once): one statement writes every (campaign, cart, step) row,
   * then the jobs of the rows it changed are cancelled and the pending ones added back in bulk.
   */
  async rescheduleMany(manager: EntityManager, carts: readonly CartUpdatedData[]): Promise<void> {
    if (carts.length === 0) return;
    const campaigns = await enabledAbandonedCartCampaigns(manager);
    const steps = carts.flatMap((cart) => {
      const updatedAt = new Date(cart.updatedAt).getTime();
      const status: ScheduleToWrite['status'] = cart.lines.length === 0 ? 'cancelled' : 'pending';
      return campaigns.flatMap(({ campaignId, definition }) =>
        definition.steps.map((step, index) => ({ job: { campaignId, cartId: cart.cartId, step: index + 1 }, dueAt: new Date(updatedAt + step.delayMinutes * MINUTE_MS), status })),
      );
    });
    const changed = new Set((await writeSchedules(manager, steps.map((s) => ({ ...s.job, dueAt: s.dueAt, status: s.status })))).map(dueJobId));
    const written = steps.filter((s) => changed.has(dueJobId(s.job)));
    await this.queue.cancelMany(written.map((s) => s.job));
    await this.queue.addMany(written.filter((s) => s.status === 'pending'), this.clock.now());
  }
}
