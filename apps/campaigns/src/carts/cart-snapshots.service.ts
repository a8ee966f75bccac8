import { Injectable } from '@nestjs/common';
import type { CartUpdatedData } from '@promo/contracts';
import type { EntityManager } from 'typeorm';
import { cartValue } from './cart-value';

/** Keeps each cart's latest snapshot: the greatest `updatedAt` wins; redeliveries and older snapshots change nothing. */
@Injectable()
export class CartSnapshotsService {
  /** true when `data` is now the cart's latest snapshot. */
  async upsertLatest(manager: EntityManager, data: CartUpdatedData): Promise<boolean> {
    const customer = data.customer ?? null;
    const rows: unknown[] = await manager.query(
      `INSERT INTO cart_snapshots (cart_id, customer_id, email, marketing_consent, currency, value, line_count, snapshot, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (cart_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, email = EXCLUDED.email,
         marketing_consent = EXCLUDED.marketing_consent, currency = EXCLUDED.currency, value = EXCLUDED.value,
         line_count = EXCLUDED.line_count, snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at
       WHERE cart_snapshots.updated_at < EXCLUDED.updated_at
       RETURNING cart_id`,
      [
        data.cartId,
        customer?.customerId ?? null,
        customer?.email ?? null,
        customer?.marketingConsent === true,
        data.currency,
        cartValue(data.lines),
        data.lines.length,
        JSON.stringify(data),
        new Date(data.updatedAt),
      ],
    );
    return rows.length > 0;
  }
}
