import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type HoldState = 'reserved' | 'committed' | 'released' | 'expired' | 'reversed';

export interface HoldRow {
  readonly holdId: string;
  readonly promotionId: string;
  readonly reservationId: string | null;
  readonly orderId: string | null;
  readonly code: string | null;
  readonly codeKey: string | null;
  readonly customerId: string | null;
  readonly units: number;
  readonly state: HoldState;
  readonly expiresAt: Date | null;
  /** #23: minor units of the promotion's budget the use holds (0 when it has none or the use said none), in `currency`. */
  readonly discountAmount: number;
  readonly currency: string | null;
}

interface HoldRecord {
  hold_id: string;
  promotion_id: string;
  reservation_id: string | null;
  order_id: string | null;
  code: string | null;
  code_key: string | null;
  customer_id: string | null;
  units: number;
  state: HoldState;
  expires_at: Date | null;
  /** bigint: the driver answers a string. */
  discount_amount: string;
  currency: string | null;
}

/** usage_holds: the current state of every use, mirrored in Redis and rebuilt into it (L3). */
@Injectable()
export class UsageHoldsRepository {
  /** Inserts a hold or, when it exists (a redelivery, a re-applied expired reservation), sets its state. */
  async upsert(manager: EntityManager, hold: HoldRow, at: Date): Promise<void> {
    await this.upsertMany(manager, [hold], at);
  }

  /** upsert() for many holds in one statement (#21); their hold ids are distinct. */
  async upsertMany(manager: EntityManager, holds: readonly HoldRow[], at: Date): Promise<void> {
    if (holds.length === 0) return;
    await manager.query(
      `INSERT INTO usage_holds (hold_id, promotion_id, reservation_id, order_id, code, code_key, customer_id, units, state, expires_at, discount_amount, currency,
         created_at, updated_at)
       SELECT h.hold_id, h.promotion_id, h.reservation_id, h.order_id, h.code, h.code_key, h.customer_id, h.units, h.state, h.expires_at, h.discount_amount,
           h.currency, $1, $1
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::integer[], $10::text[], $11::timestamptz[],
           $12::bigint[], $13::text[])
           AS h(hold_id, promotion_id, reservation_id, order_id, code, code_key, customer_id, units, state, expires_at, discount_amount, currency)
       ON CONFLICT (hold_id) DO UPDATE SET state = EXCLUDED.state, order_id = COALESCE(EXCLUDED.order_id, usage_holds.order_id),
         units = EXCLUDED.units, expires_at = EXCLUDED.expires_at, discount_amount = EXCLUDED.discount_amount,
         currency = COALESCE(EXCLUDED.currency, usage_holds.currency), updated_at = EXCLUDED.updated_at`,
      [
        at,
        holds.map((h) => h.holdId),
        holds.map((h) => h.promotionId),
        holds.map((h) => h.reservationId),
        holds.map((h) => h.orderId),
        holds.map((h) => h.code),
        holds.map((h) => h.codeKey),
        holds.map((h) => h.customerId),
        holds.map((h) => h.units),
        holds.map((h) => h.state),
        holds.map((h) => h.expiresAt),
        holds.map((h) => h.discountAmount),
        holds.map((h) => h.currency),
      ],
    );
  }

  /** Moves holds from one of `from` to `to`; returns the holds moved (the others had moved already). */
  async transition(manager: EntityManager, holdIds: readonly string[], from: readonly HoldState[], to: HoldState, at: Date): Promise<HoldRow[]> {
    if (holdIds.length === 0) return [];
    const rows: [HoldRecord[], number] = await manager.query(
      `UPDATE usage_holds SET state = $3, updated_at = $4 WHERE hold_id = ANY($1::text[]) AND state = ANY($2::text[]) RETURNING *`,
      [holdIds, from, to, at],
    );
    return rows[0].map(toHold);
  }

  async byIds(manager: EntityManager, holdIds: readonly string[]): Promise<HoldRow[]> {
    if (holdIds.length === 0) return [];
    const rows: HoldRecord[] = await manager.query('SELECT * FROM usage_holds WHERE hold_id = ANY($1::text[])', [holdIds]);
    return rows.map(toHold);
  }

  /** The promotions the holds of these reservations are on (#21: their locks are taken before a batch's). */
  async promotionsOfReservations(manager: EntityManager, reservationIds: readonly string[]): Promise<string[]> {
    if (reservationIds.length === 0) return [];
    const rows: { promotion_id: string }[] = await manager.query('SELECT DISTINCT promotion_id FROM usage_holds WHERE reservation_id = ANY($1::text[])', [reservationIds]);
    return rows.map((row) => row.promotion_id);
  }

  async ofReservation(manager: EntityManager, reservationId: string): Promise<HoldRow[]> {
    const rows: HoldRecord[] = await manager.query('SELECT * FROM usage_holds WHERE reservation_id = $1 ORDER BY hold_id', [reservationId]);
    return rows.map(toHold);
  }
}

function toHold(row: HoldRecord): HoldRow {
  return {
    holdId: row.hold_id,
    promotionId: row.promotion_id,
    reservationId: row.reservation_id,
    orderId: row.order_id,
    code: row.code,
    codeKey: row.code_key,
    customerId: row.customer_id,
    units: row.units,
    state: row.state,
    expiresAt: row.expires_at,
    discountAmount: Number(row.discount_amount),
    currency: row.currency,
  };
}
