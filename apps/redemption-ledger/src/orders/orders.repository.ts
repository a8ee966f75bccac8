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

  async savePlaced(manager: EntityManager, order: OrderPlacedData, status: OrderStatus): Promise<void> {
    await manager.query(
      `INSERT INTO orders (order_id, status, customer_id, cart_id, currency, subtotal, discount_total, total, reservation_id, placed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, customer_id = EXCLUDED.customer_id, cart_id = EXCLUDED.cart_id,
         currency = EXCLUDED.currency, subtotal = EXCLUDED.subtotal, discount_total = EXCLUDED.discount_total, total = EXCLUDED.total,
         reservation_id = EXCLUDED.reservation_id, placed_at = EXCLUDED.placed_at`,
      [order.orderId, status, order.customer?.customerId ?? null, order.cartId, order.currency, order.subtotal, order.discountTotal, order.total, order.reservationId ?? null, order.placedAt],
    );
  }

  async saveCancelled(manager: EntityManager, orderId: string, customerId: string | null, cancelledAt: string, isBeforePlaced: boolean): Promise<void> {
    await manager.query(
      `INSERT INTO orders (order_id, status, customer_id, cancelled_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, cancelled_at = EXCLUDED.cancelled_at`,
      [orderId, isBeforePlaced ? 'cancelled_before_placed' : 'cancelled', customerId, cancelledAt],
    );
  }

  async insertUses(manager: EntityManager, uses: readonly OrderUseRow[], at: Date): Promise<void> {
    for (const use of uses) {
      await manager.query(
        `INSERT INTO order_uses (order_id, use_index, promotion_id, code, code_key, customer_id, units, discount_amount, hold_id, decision, reason, is_reversed, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, false, $12)`,
        [use.orderId, use.useIndex, use.promotionId, use.code, use.codeKey, use.customerId, use.units, use.discountAmount, use.holdId, use.decision, use.reason, at],
      );
    }
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
