import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReservationStatus } from './reservation';

export interface StoredReservation {
  readonly reservationId: string;
  readonly fingerprint: string;
  readonly status: Exclude<ReservationStatus, 'refused'>;
  readonly expiresAt: Date;
  readonly uses: unknown;
}

interface ReservationRecord {
  reservation_id: string;
  fingerprint: string;
  status: Exclude<ReservationStatus, 'refused'>;
  expires_at: Date;
  uses: unknown;
}

/** Reservations accepted (refused ones leave no row: a retry is simply decided again). */
@Injectable()
export class ReservationsRepository {
  /** Inserts the reservation; false when the id exists already. */
  async insert(
    manager: EntityManager,
    row: { reservationId: string; cartId: string; customerId: string; fingerprint: string; uses: unknown; expiresAt: Date; createdAt: Date },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO reservations (reservation_id, cart_id, customer_id, fingerprint, uses, status, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, 'reserved', $6, $7) ON CONFLICT (reservation_id) DO NOTHING RETURNING reservation_id`,
      [row.reservationId, row.cartId, row.customerId, row.fingerprint, JSON.stringify(row.uses), row.expiresAt, row.createdAt],
    );
    return inserted.length > 0;
  }

  async find(manager: EntityManager, reservationId: string): Promise<StoredReservation | undefined> {
    const rows: ReservationRecord[] = await manager.query('SELECT reservation_id, fingerprint, status, expires_at, uses FROM reservations WHERE reservation_id = $1', [reservationId]);
    const row = rows[0];
    return row ? { reservationId: row.reservation_id, fingerprint: row.fingerprint, status: row.status, expiresAt: row.expires_at, uses: row.uses } : undefined;
  }

  async setStatus(manager: EntityManager, reservationIds: readonly string[], from: ReservationStatus, to: ReservationStatus, orderId: string | null = null): Promise<void> {
    if (reservationIds.length === 0) return;
    await manager.query('UPDATE reservations SET status = $3, order_id = COALESCE($4, order_id) WHERE reservation_id = ANY($1::text[]) AND status = $2', [reservationIds, from, to, orderId]);
  }
}
