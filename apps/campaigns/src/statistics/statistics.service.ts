import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, ValidationFailedError } from '@promo/platform';
import type { CurrencyAmount, StepStatistics } from '@promo/contracts/http';
import { DataSource } from 'typeorm';
import { EmailContentService } from '../email/email-content.service';

export type { StepStatistics };

function count(value: unknown): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : 0;
  return Number.isSafeInteger(parsed) ? parsed : 0;
}

function field(row: unknown, key: string): unknown {
  return typeof row === 'object' && row !== null ? Reflect.get(row, key) : undefined;
}

/**
 * Each order (not cancelled) with the one email it is attributed to: the last email sent before it, due
 * before `placed_at`, among the abandoned-cart emails of its cart and the retention emails of its customer
 * (ties on due time go to the greatest email id, so the answer never depends on row order).
 */
const ATTRIBUTED_ORDERS = `
  SELECT DISTINCT ON (o.order_id) o.order_id, o.cart_id, o.currency, o.total, e.campaign_id, e.step
  FROM orders_seen o
  JOIN emails e ON e.status = 'sent' AND e.due_at < o.placed_at
    AND ((e.kind = 'abandoned_cart' AND e.cart_id = o.cart_id) OR (e.kind = 'retention' AND e.customer_id = o.customer_id))
  WHERE o.cancelled_at IS NULL
  ORDER BY o.order_id, e.due_at DESC, e.email_id DESC`;

/** K5: sent, opened links, recovered carts and revenue per campaign and step; revenue per currency, each order counted once. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly content: EmailContentService,
  ) {}

  async perStep(campaignId?: string): Promise<readonly StepStatistics[]> {
    const [steps, attributed]: [unknown[], unknown[]] = await Promise.all([
      this.dataSource.query(
        `SELECT campaign_id, step, count(*) FILTER (WHERE status = 'sent') AS sent, count(*) FILTER (WHERE opened_at IS NOT NULL) AS opened
         FROM emails WHERE ($1::text IS NULL OR campaign_id = $1) GROUP BY campaign_id, step`,
        [campaignId ?? null],
      ),
      // One row per step (is_step_total = 1: its orders and distinct carts) and one per step and currency (its amount).
      this.dataSource.query(
        `SELECT campaign_id, step, currency, GROUPING(currency) AS is_step_total, count(*) AS orders, count(DISTINCT cart_id) AS carts, sum(total) AS amount
         FROM (${ATTRIBUTED_ORDERS}) a
         WHERE ($1::text IS NULL OR campaign_id = $1)
         GROUP BY GROUPING SETS ((campaign_id, step), (campaign_id, step, currency))
         ORDER BY currency`,
        [campaignId ?? null],
      ),
    ]);
    const keyOf = (row: unknown): string => `${String(field(row, 'campaign_id'))}\n${count(field(row, 'step'))}`;
    const totals = new Map<string, unknown>();
    const revenueByStep = new Map<string, CurrencyAmount[]>();
    for (const row of attributed) {
      if (count(field(row, 'is_step_total')) === 1) {
        totals.set(keyOf(row), row);
        continue;
      }
      const amounts = revenueByStep.get(keyOf(row)) ?? [];
      amounts.push({ currency: String(field(row, 'currency')), amount: count(field(row, 'amount')) });
      revenueByStep.set(keyOf(row), amounts);
    }
    return steps
      .map((row): StepStatistics => {
        const total = totals.get(keyOf(row));
        return {
          campaignId: String(field(row, 'campaign_id')),
          step: count(field(row, 'step')),
          sent: count(field(row, 'sent')),
          opened: count(field(row, 'opened')),
          recoveredCarts: count(field(total, 'carts')),
          recoveredOrders: count(field(total, 'orders')),
          recoveredRevenueByCurrency: revenueByStep.get(keyOf(row)) ?? [],
        };
      })
      .sort((a, b) => (a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : a.step - b.step));
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
