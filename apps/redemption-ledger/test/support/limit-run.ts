import type { RedisClient } from '@promo/platform';
import type { Client } from 'pg';
import { aPromotionChange } from '../builders/promotion-change.builder';
import { type AttemptResult, count } from './reservation-load';

/**
 * The concurrent run: 20,000 attempts by 200 clients on a hot code and on a per-customer coupon.
 * The Redis-loss and crash variants make 10,000 (5,000 on each promotion, still 5 times the code's limit
 * and 10 tries per customer) to keep the app's suite within its 3 minutes on a shared 2-core machine.
 */
export const RUN = { clients: 200, attempts: 20_000, variantAttempts: 10_000, codeLimit: 1_000, customers: 500 } as const;

export interface LimitRun {
  readonly hot: string;
  readonly perCustomer: string;
  readonly changes: readonly unknown[];
  /** Even attempts: the hot code (limit 1,000, a new customer each); odd: the coupon (1 per customer, 500 customers). */
  body(index: number): { reservationId: string; cartId: string; customerId: string; uses: { promotionId: string; code: string; units: number }[] };
}

export function limitRun(name: string): LimitRun {
  const hot = `${name}-hot`;
  const perCustomer = `${name}-per-customer`;
  return {
    hot,
    perCustomer,
    changes: [
      aPromotionChange(hot).coupon().withCodes('HOT-CODE').withLimits({ usesPerCode: RUN.codeLimit }).build(),
      aPromotionChange(perCustomer).coupon().withCodes('PER-CODE').build(),
    ],
    body: (index) =>
      index % 2 === 0
        ? { reservationId: `${name}-${index}`, cartId: `cart-${index}`, customerId: `cu-${index}`, uses: [{ promotionId: hot, code: 'HOT-CODE', units: 1 }] }
        : { reservationId: `${name}-${index}`, cartId: `cart-${index}`, customerId: `cu-${Math.floor(index / 2) % RUN.customers}`, uses: [{ promotionId: perCustomer, code: 'PER-CODE', units: 1 }] },
  };
}

interface Held {
  readonly answeredReserved: { hot: number; perCustomer: number };
  readonly postgresLive: { hot: number; perCustomer: number };
  readonly redisTotal: { hot: number; perCustomer: number };
  readonly redisCode: number;
  readonly maxPerCustomerInRedis: number;
  readonly maxPerCustomerInPostgres: number;
  readonly answeredButMissingInPostgres: number;
  readonly wrongReasons: number;
}

/** What the clients were told, what Postgres holds and what Redis counts, side by side. */
export async function heldAfter(run: LimitRun, results: readonly AttemptResult[], sql: Client, redis: RedisClient): Promise<Held> {
  const reserved = results.filter((result) => result.outcome === 'reserved');
  const live = await sql.query(`SELECT promotion_id, count(*)::int AS n FROM usage_holds WHERE state = 'reserved' GROUP BY promotion_id`);
  const liveOf = (promotionId: string): number => live.rows.find((row: { promotion_id: string }) => row.promotion_id === promotionId)?.n ?? 0;
  const perCustomer = await sql.query(`SELECT coalesce(max(n), 0)::int AS max FROM (SELECT count(*) AS n FROM usage_holds WHERE promotion_id = $1 AND state = 'reserved' GROUP BY customer_id) c`, [run.perCustomer]);
  const stored = await sql.query(`SELECT reservation_id FROM reservations WHERE reservation_id = ANY($1::text[])`, [reserved.map((result) => result.reservationId)]);
  const customerCounts = await Promise.all(Array.from({ length: RUN.customers }, (_unused, n) => redis.get(`usage:{${run.perCustomer}}:customer:cu-${n}`)));
  return {
    answeredReserved: { hot: count(reserved, (r) => r.promotionId === run.hot), perCustomer: count(reserved, (r) => r.promotionId === run.perCustomer) },
    postgresLive: { hot: liveOf(run.hot), perCustomer: liveOf(run.perCustomer) },
    redisTotal: { hot: Number((await redis.get(`usage:{${run.hot}}:total`)) ?? 0), perCustomer: Number((await redis.get(`usage:{${run.perCustomer}}:total`)) ?? 0) },
    redisCode: Number((await redis.get(`usage:{${run.hot}}:code:hot-code`)) ?? 0),
    maxPerCustomerInRedis: Math.max(0, ...customerCounts.map((value) => Number(value ?? 0))),
    maxPerCustomerInPostgres: perCustomer.rows[0]?.max ?? 0,
    answeredButMissingInPostgres: reserved.length - stored.rows.length,
    wrongReasons: count(
      results,
      (r) => r.outcome === 'refused' && r.reason !== (r.promotionId === run.hot ? 'code_limit_reached' : 'customer_limit_reached'),
    ),
  };
}
