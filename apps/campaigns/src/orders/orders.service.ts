import { Injectable } from '@nestjs/common';
import type { OrderCancelledData, OrderPlacedData } from '@promo/contracts';
import type { EntityManager } from 'typeorm';

/** Orders seen: they suppress due emails (K4) and count as recovered revenue (K5); a cancellation may come first. */
@Injectable()
export class OrdersService {
  async recordPlaced(manager: EntityManager, data: OrderPlacedData): Promise<void> {
    await manager.query(
      `INSERT INTO orders_seen (order_id, cart_id, customer_id, currency, total, placed_at, cancelled_at)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT cancelled_at FROM order_cancellations WHERE order_id = $1))
       ON CONFLICT (order_id) DO NOTHING`,
      [data.orderId, data.cartId, data.customer?.customerId ?? null, data.currency, data.total, new Date(data.placedAt)],
    );
  }

  async recordCancelled(manager: EntityManager, data: OrderCancelledData): Promise<void> {
    const cancelledAt = new Date(data.cancelledAt);
    await manager.query(`INSERT INTO order_cancellations (order_id, cancelled_at) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING`, [data.orderId, cancelledAt]);
    await manager.query(`UPDATE orders_seen SET cancelled_at = $2 WHERE order_id = $1 AND cancelled_at IS NULL`, [data.orderId, cancelledAt]);
  }
}
