import { Injectable } from '@nestjs/common';
import type { CartUpdatedData } from '@promo/contracts';
import type { EntityManager } from 'typeorm';
import { cartValue } from './cart-value';

/** Keeps each cart's latest snapshot: the greatest `updatedAt` wins; redeliveries and older snapshots change nothing. */
@Injectable()
export class CartSnapshotsService {
  /** true when `data` is now the cart's latest snapshot. */
  async upsertLatest(manager: EntityManager, data: CartUpdatedData): Promise<boolean> {
    return (await this.upsertLatestMany(manager, [data])).length > 0;
  }

  /**
   * #21: upsertLatest for a batch in one statement; returns the snapshots that are now their cart's latest.
   * A cart updated more than once in the batch is written once, with its latest update (the first of equal
   * times, as one at a time would keep): the state one at a time leaves, without the steps in between.
   */
  async upsertLatestMany(manager: EntityManager, updates: readonly CartUpdatedData[]): Promise<CartUpdatedData[]> {
    const latest = new Map<string, CartUpdatedData>();
    for (const data of updates) {
      const kept = latest.get(data.cartId);
      if (!kept || Date.parse(kept.updatedAt) < Date.parse(data.updatedAt)) latest.set(data.cartId, data);
    }
    if (latest.size === 0) return [];
    const carts = [...latest.values()];
    const rows: { cart_id: string }[] = await manager.query(
      `INSERT INTO cart_snapshots (cart_id, customer_id, email, marketing_consent, currency, value, line_count, snapshot, updated_at)
       SELECT c.cart_id, c.customer_id, c.email, c.marketing_consent, c.currency, c.value, c.line_count, c.snapshot, c.updated_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::bigint[], $7::integer[], $8::jsonb[], $9::timestamptz[])
           AS c(cart_id, customer_id, email, marketing_consent, currency, value, line_count, snapshot, updated_at)
       ON CONFLICT (cart_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, email = EXCLUDED.email,
         marketing_consent = EXCLUDED.marketing_consent, currency = EXCLUDED.currency, value = EXCLUDED.value,
         line_count = EXCLUDED.line_count, snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at
       WHERE cart_snapshots.updated_at < EXCLUDED.updated_at
       RETURNING cart_id`,
      [
        carts.map((c) => c.cartId),
        carts.map((c) => c.customer?.customerId ?? null),
        carts.map((c) => c.customer?.email ?? null),
        carts.map((c) => c.customer?.marketingConsent === true),
        carts.map((c) => c.currency),
        carts.map((c) => cartValue(c.lines)),
        carts.map((c) => c.lines.length),
        carts.map((c) => JSON.stringify(c)),
        carts.map((c) => new Date(c.updatedAt)),
      ],
    );
    const written = new Set(rows.map((row) => row.cart_id));
    return carts.filter((c) => written.has(c.cartId));
  }
}
