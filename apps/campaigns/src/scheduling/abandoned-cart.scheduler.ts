import { Inject, Injectable } from '@nestjs/common';
import type { CartUpdatedData } from '@promo/contracts';
import { CLOCK, type Clock } from '@promo/platform';
import type { EntityManager } from 'typeorm';
import { enabledAbandonedCartCampaigns } from '../campaigns/campaigns.service';
import { AbandonedCartQueue } from './abandoned-cart.queue';

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
    const campaigns = await enabledAbandonedCartCampaigns(manager);
    const updatedAt = new Date(cart.updatedAt).getTime();
    const isEmpty = cart.lines.length === 0;
    for (const { campaignId, definition } of campaigns) {
      for (const [index, step] of definition.steps.entries()) {
        const job = { campaignId, cartId: cart.cartId, step: index + 1 };
        const dueAt = new Date(updatedAt + step.delayMinutes * MINUTE_MS);
        const rows: unknown[] = await manager.query(
          `INSERT INTO email_schedules (campaign_id, cart_id, step, due_at, status) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (campaign_id, cart_id, step) DO UPDATE SET due_at = EXCLUDED.due_at, status = EXCLUDED.status, reason = NULL, decided_at = NULL
           WHERE email_schedules.status <> 'sent'
           RETURNING step`,
          [campaignId, cart.cartId, job.step, dueAt, isEmpty ? 'cancelled' : 'pending'],
        );
        if (rows.length === 0) continue;
        if (isEmpty) await this.queue.cancel(job);
        else await this.queue.schedule(job, dueAt, this.clock.now());
      }
    }
  }
}
