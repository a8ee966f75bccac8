import { Inject, Injectable } from '@nestjs/common';
import type { CartUpdatedData } from '@promo/contracts';
import { CLOCK, type Clock } from '@promo/platform';
import type { EntityManager } from 'typeorm';
import { enabledAbandonedCartCampaigns } from '../campaigns/campaigns.service';
import { AbandonedCartQueue, dueJobId } from './abandoned-cart.queue';

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
      const status = cart.lines.length === 0 ? 'cancelled' : 'pending';
      return campaigns.flatMap(({ campaignId, definition }) =>
        definition.steps.map((step, index) => ({ job: { campaignId, cartId: cart.cartId, step: index + 1 }, dueAt: new Date(updatedAt + step.delayMinutes * MINUTE_MS), status })),
      );
    });
    if (steps.length === 0) return;
    const rows: { campaign_id: string; cart_id: string; step: number }[] = await manager.query(
      `INSERT INTO email_schedules (campaign_id, cart_id, step, due_at, status)
       SELECT s.campaign_id, s.cart_id, s.step, s.due_at, s.status FROM unnest($1::text[], $2::text[], $3::integer[], $4::timestamptz[], $5::text[]) AS s(campaign_id, cart_id, step, due_at, status)
       ON CONFLICT (campaign_id, cart_id, step) DO UPDATE SET due_at = EXCLUDED.due_at, status = EXCLUDED.status, reason = NULL, decided_at = NULL
       WHERE email_schedules.status <> 'queued'
       RETURNING campaign_id, cart_id, step`,
      [steps.map((s) => s.job.campaignId), steps.map((s) => s.job.cartId), steps.map((s) => s.job.step), steps.map((s) => s.dueAt), steps.map((s) => s.status)],
    );
    const changed = new Set(rows.map((row) => dueJobId({ campaignId: row.campaign_id, cartId: row.cart_id, step: row.step })));
    const written = steps.filter((s) => changed.has(dueJobId(s.job)));
    await this.queue.cancelMany(written.map((s) => s.job));
    await this.queue.addMany(written.filter((s) => s.status === 'pending'), this.clock.now());
  }
}
