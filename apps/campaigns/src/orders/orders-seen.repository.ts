import type { EntityManager } from 'typeorm';

/** The cart became an order placed at or before `at` (K1: no abandoned-cart email for a cart bought by its due time). */
export async function hasOrderPlacedBy(manager: EntityManager, cartId: string, at: Date): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM orders_seen WHERE cart_id = $1 AND placed_at <= $2 LIMIT 1`, [cartId, at]);
  return rows.length > 0;
}
