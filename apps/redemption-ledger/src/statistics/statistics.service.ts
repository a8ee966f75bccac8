import { Injectable } from '@nestjs/common';
import type { CurrencyFigures, OrderStatistics, UsageStatistics } from '@promo/contracts/http';
import { DataSource } from 'typeorm';

export type { CurrencyFigures, OrderStatistics, UsageStatistics };

interface Subject {
  readonly column: 'promotion_id' | 'code_key';
  readonly value: string;
}

/**
 * L4: statistics per promotion and per code, computed from the ledger's orders and uses. The repeat-purchase rate is the
 * share of redeemers (customers with an accepted, unreversed use) who placed an order, not cancelled, after the first order
 * in which they redeemed (#19.7): orders from before the redemption say nothing about it bringing the customer back.
 */

/** A page of `usesPerDay`: the days after `cursor`, as calendar days in `timeZone` (an IANA name; the store's). */
export interface UsesPerDayPage {
  readonly cursor?: string | undefined;
  readonly limit: number;
  readonly timeZone: string;
}

@Injectable()
export class StatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  async forPromotion(promotionId: string, page: UsesPerDayPage): Promise<UsageStatistics> {
    return this.compute({ column: 'promotion_id', value: promotionId }, { promotionId }, page);
  }

  async forCode(code: string, page: UsesPerDayPage): Promise<UsageStatistics> {
    return this.compute({ column: 'code_key', value: code.trim().toLowerCase() }, { code }, page);
  }

  /** Every order the ledger consumed (cancelled included), for revenue checks against the stream. */
  async orders(): Promise<OrderStatistics> {
    const counts: { orders: string; cancelled: string }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE placed_at IS NOT NULL) AS orders, count(*) FILTER (WHERE status = 'cancelled') AS cancelled FROM orders`,
    );
    const totals: { currency: string; total: string }[] = await this.dataSource.query(
      `SELECT currency, sum(total) AS total FROM orders WHERE placed_at IS NOT NULL GROUP BY currency ORDER BY currency`,
    );
    return {
      orders: Number(counts[0]?.orders ?? 0),
      cancelled: Number(counts[0]?.cancelled ?? 0),
      byCurrency: totals.map((row) => ({ currency: row.currency, ordersTotal: Number(row.total) })),
    };
  }

  private async compute(subject: Subject, label: UsageStatistics['subject'], page: UsesPerDayPage): Promise<UsageStatistics> {
    const where = `u.${subject.column} = $1`;
    const counts: { redemptions: string; rejected: string; reversed: string; redeemers: string; repeaters: string }[] = await this.dataSource.query(
      `WITH redeemers AS (
         SELECT u.customer_id, min(o.placed_at) AS first_redeemed_at
           FROM order_uses u JOIN orders o ON o.order_id = u.order_id
          WHERE ${where} AND u.decision = 'accepted' AND NOT u.is_reversed AND u.customer_id IS NOT NULL
          GROUP BY u.customer_id)
       SELECT
         (SELECT count(*) FROM order_uses u WHERE ${where} AND u.decision = 'accepted' AND NOT u.is_reversed) AS redemptions,
         (SELECT count(*) FROM order_uses u WHERE ${where} AND u.decision = 'rejected') AS rejected,
         (SELECT count(*) FROM order_uses u WHERE ${where} AND u.is_reversed) AS reversed,
         (SELECT count(*) FROM redeemers) AS redeemers,
         (SELECT count(*) FROM redeemers r
           WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = r.customer_id AND o.status = 'placed' AND o.placed_at > r.first_redeemed_at)) AS repeaters`,
      [subject.value],
    );
    const figures: { currency: string; discount: string; revenue: string; aov_with: string | null; aov_without: string | null }[] = await this.dataSource.query(
      `WITH redeemed AS (
         SELECT u.order_id, sum(u.discount_amount) AS discount FROM order_uses u
          WHERE ${where} AND u.decision = 'accepted' AND NOT u.is_reversed GROUP BY u.order_id)
       SELECT o.currency,
              coalesce(sum(r.discount), 0) AS discount,
              coalesce(sum(o.total) FILTER (WHERE r.order_id IS NOT NULL), 0) AS revenue,
              round(avg(o.total) FILTER (WHERE r.order_id IS NOT NULL)) AS aov_with,
              round(avg(o.total) FILTER (WHERE r.order_id IS NULL)) AS aov_without
         FROM orders o LEFT JOIN redeemed r ON r.order_id = o.order_id
        WHERE o.status = 'placed'
        GROUP BY o.currency HAVING count(r.order_id) > 0 ORDER BY o.currency`,
      [subject.value],
    );
    const days: { day: string; uses: string }[] = await this.dataSource.query(
      `SELECT to_char(o.placed_at AT TIME ZONE $4, 'YYYY-MM-DD') AS day, count(*) AS uses
         FROM order_uses u JOIN orders o ON o.order_id = u.order_id
        WHERE ${where} AND u.decision = 'accepted' AND NOT u.is_reversed
          AND to_char(o.placed_at AT TIME ZONE $4, 'YYYY-MM-DD') > $2
        GROUP BY 1 ORDER BY 1 LIMIT $3`,
      [subject.value, page.cursor ?? '', page.limit, page.timeZone],
    );
    const count = counts[0];
    const redeemers = Number(count?.redeemers ?? 0);
    const last = days[days.length - 1];
    return {
      subject: label,
      redemptions: Number(count?.redemptions ?? 0),
      rejected: Number(count?.rejected ?? 0),
      reversed: Number(count?.reversed ?? 0),
      redeemers,
      repeatPurchaseRate: redeemers === 0 ? null : Number(count?.repeaters ?? 0) / redeemers,
      figures: figures.map((row) => ({
        currency: row.currency,
        discountGiven: Number(row.discount),
        attributedRevenue: Number(row.revenue),
        averageOrderValueWith: row.aov_with === null ? null : Number(row.aov_with),
        averageOrderValueWithout: row.aov_without === null ? null : Number(row.aov_without),
      })),
      usesPerDay: { items: days.map((row) => ({ day: row.day, uses: Number(row.uses) })), nextCursor: days.length === page.limit && last ? last.day : null },
    };
  }
}
