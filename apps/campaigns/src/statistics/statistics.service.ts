import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, ValidationFailedError } from '@promo/platform';
import type { StepStatistics } from '@promo/contracts/http';
import { DataSource } from 'typeorm';
import { EmailContentService } from '../email/email-content.service';

export type { StepStatistics };

function count(value: unknown): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : 0;
  return Number.isSafeInteger(parsed) ? parsed : 0;
}

/** K5: sent, opened links, recovered carts and revenue per campaign and step. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly content: EmailContentService,
  ) {}

  async perStep(campaignId?: string): Promise<readonly StepStatistics[]> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT e.campaign_id, e.step,
              count(*) FILTER (WHERE e.status = 'sent') AS sent,
              count(*) FILTER (WHERE e.opened_at IS NOT NULL) AS opened,
              count(DISTINCT e.cart_id) FILTER (WHERE r.order_id IS NOT NULL) AS recovered_carts,
              coalesce(sum(r.total), 0) AS recovered_revenue
       FROM emails e
       LEFT JOIN LATERAL (
         SELECT o.order_id, o.total FROM orders_seen o
         WHERE e.status = 'sent' AND e.cart_id IS NOT NULL AND o.cart_id = e.cart_id AND o.placed_at > e.due_at AND o.cancelled_at IS NULL
       ) r ON true
       WHERE ($1::text IS NULL OR e.campaign_id = $1)
       GROUP BY e.campaign_id, e.step ORDER BY e.campaign_id, e.step`,
      [campaignId ?? null],
    );
    return rows.map((row) => {
      const get = (key: string): unknown => (typeof row === 'object' && row !== null ? Reflect.get(row, key) : undefined);
      return {
        campaignId: String(get('campaign_id')),
        step: count(get('step')),
        sent: count(get('sent')),
        opened: count(get('opened')),
        recoveredCarts: count(get('recovered_carts')),
        recoveredRevenue: count(get('recovered_revenue')),
      };
    });
  }

  /** Records the first click on a tracked link and returns where to send the reader. */
  async open(emailId: string, target: string | undefined, signature: string | undefined): Promise<string> {
    if (!target || !signature || !this.content.signer.isValid('link', `${emailId}\n${target}`, signature)) {
      throw new ValidationFailedError([{ field: 'sig', reason: 'invalid_signature', detail: 'the link is not valid' }]);
    }
    await this.dataSource.query(`UPDATE emails SET opened_at = $2 WHERE email_id = $1 AND opened_at IS NULL`, [emailId, this.clock.now()]);
    return target;
  }
}
