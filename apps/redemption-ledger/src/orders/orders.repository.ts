import { Injectable } from '@nestjs/common';
import type { OrderPlacedData } from '@promo/contracts';
import type { EntityManager } from 'typeorm';

export type OrderStatus = 'placed' | 'cancelled' | 'cancelled_before_placed';

export interface OrderUseRow {
  readonly orderId: string;
  readonly useIndex: number;
  readonly promotionId: string;
  readonly code: string | null;
  readonly codeKey: string | null;
  readonly customerId: string | null;
  readonly units: number;
  readonly discountAmount: number;
  readonly holdId: string;
  readonly decision: 'accepted' | 'rejected';
  readonly reason: string | null;
  readonly isReversed: boolean;
}

interface OrderUseRecord {
  order_id: string;
  use_index: number;
  promotion_id: string;
  code: string | null;
  code_key: string | null;
  customer_id: string | null;
  units: number;
  discount_amount: string;
  hold_id: string;
  decision: 'accepted' | 'rejected';
  reason: string | null;
  is_reversed: boolean;
}

/** Orders processed (idempotency by order id; cancellations that came first) and each use's decision. */
@Injectable()
export class OrdersRepository {
  async lockStatus(manager: EntityManager, orderId: string): Promise<OrderStatus | undefined> {
    const rows: { status: OrderStatus }[] = await manager.query('SELECT status FROM orders WHERE order_id = $1 FOR UPDATE', [orderId]);
    return rows[0]?.status;
  }

  /** #21: the statuses of many orders, each row locked until commit; an order without a row has none. */
  async lockStatuses(manager: EntityManager, orderIds: readonly string[]): Promise<Map<string, OrderStatus>> {
    const rows: { order_id: string; status: OrderStatus }[] = await manager.query('SELECT order_id, status FROM orders WHERE order_id = ANY($1::text[]) ORDER BY order_id FOR UPDATE', [orderIds]);
    return new Map(rows.map((row) => [row.order_id, row.status]));
  }

  async savePlaced(manager: EntityManager, order: OrderPlacedData, status: OrderStatus): Promise<void> {
    await this.savePlacedMany(manager, [order], status);
  }

  /** Many placed orders in one statement, all with `status`. */
  async savePlacedMany(manager: EntityManager, orders: readonly OrderPlacedData[], status: OrderStatus): Promise<void> {
    if (orders.length === 0) return;
    await manager.query(
      `INSERT INTO orders (order_id, status, customer_id, cart_id, currency, subtotal, discount_total, total, reservation_id, placed_at)
       SELECT o.order_id, $1, o.customer_id, o.cart_id, o.currency, o.subtotal, o.discount_total, o.total, o.reservation_id, o.placed_at
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::text[], $10::timestamptz[])
           AS o(order_id, customer_id, cart_id, currency, subtotal, discount_total, total, reservation_id, placed_at)
       ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, customer_id = EXCLUDED.customer_id, cart_id = EXCLUDED.cart_id,
         currency = EXCLUDED.currency, subtotal = EXCLUDED.subtotal, discount_total = EXCLUDED.discount_total, total = EXCLUDED.total,
         reservation_id = EXCLUDED.reservation_id, placed_at = EXCLUDED.placed_at`,
      [
        status,
        orders.map((o) => o.orderId),
        orders.map((o) => o.customer?.customerId ?? null),
        orders.map((o) => o.cartId),
        orders.map((o) => o.currency),
        orders.map((o) => o.subtotal),
        orders.map((o) => o.discountTotal),
        orders.map((o) => o.total),
        orders.map((o) => o.reservationId ?? null),
        orders.map((o) => o.placedAt),
      ],
    );
  }

  async saveCancelled(manager: EntityManager, orderId: string, customerId: string | null, cancelledAt: string, isBeforePlaced: boolean): Promise<void> {
    await manager.query(
      `INSERT INTO orders (order_id, status, customer_id, cancelled_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, cancelled_at = EXCLUDED.cancelled_at`,
      [orderId, isBeforePlaced ? 'cancelled_before_placed' : 'cancelled', customerId, cancelledAt],
    );
  }

  /** The uses' decisions in one statement. */
  async insertUses(manager: EntityManager, uses: readonly OrderUseRow[], at: Date): Promise<void> {
    if (uses.length === 0) return;
    await manager.query(
      `INSERT INTO order_uses (order_id, use_index, promotion_id, code, code_key, customer_id, units, discount_amount, hold_id, decision, reason, is_reversed, decided_at)
       SELECT u.order_id, u.use_index, u.promotion_id, u.code, u.code_key, u.customer_id, u.units, u.discount_amount, u.hold_id, u.decision, u.reason, false, $1
         FROM unnest($2::text[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[], $8::integer[], $9::bigint[], $10::text[], $11::text[], $12::text[])
           AS u(order_id, use_index, promotion_id, code, code_key, customer_id, units, discount_amount, hold_id, decision, reason)`,
      [
        at,
        uses.map((u) => u.orderId),
        uses.map((u) => u.useIndex),
        uses.map((u) => u.promotionId),
        uses.map((u) => u.code),
        uses.map((u) => u.codeKey),
        uses.map((u) => u.customerId),
        uses.map((u) => u.units),
        uses.map((u) => u.discountAmount),
        uses.map((u) => u.holdId),
        uses.map((u) => u.decision),
        uses.map((u) => u.reason),
      ],
    );
  }

  async acceptedUnreversed(manager: EntityManager, orderId: string): Promise<OrderUseRow[]> {
    const rows: OrderUseRecord[] = await manager.query(`SELECT * FROM order_uses WHERE order_id = $1 AND decision = 'accepted' AND NOT is_reversed ORDER BY use_index`, [orderId]);
    return rows.map((row) => ({
      orderId: row.order_id,
      useIndex: row.use_index,
      promotionId: row.promotion_id,
      code: row.code,
      codeKey: row.code_key,
      customerId: row.customer_id,
      units: row.units,
      discountAmount: Number(row.discount_amount),
      holdId: row.hold_id,
      decision: row.decision,
      reason: row.reason,
      isReversed: row.is_reversed,
    }));
  }

  async markReversed(manager: EntityManager, orderId: string, useIndex: number): Promise<void> {
    await manager.query('UPDATE order_uses SET is_reversed = true WHERE order_id = $1 AND use_index = $2', [orderId, useIndex]);
  }
}
