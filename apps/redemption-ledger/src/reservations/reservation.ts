import { createHash } from 'node:crypto';
import { customerKeyOf } from '../usage/customer-key';
import type { LimitReason } from '../usage/usage-scripts';

export type ReservationStatus = 'reserved' | 'refused' | 'committed' | 'released' | 'expired';

export interface ReservationRequest {
  readonly reservationId: string;
  readonly cartId: string;
  /** Absent or null for a guest, who is then known by `email` (#23: guest per-customer limits). */
  readonly customerId?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly uses: readonly ReservationUse[];
}

export interface ReservationUse {
  readonly promotionId: string;
  readonly code?: string | null | undefined;
  readonly units: number;
  /** #23: the use's discount, minor units of `currency`; required by a promotion with a budget. */
  readonly discount?: { readonly amount: number; readonly currency: string } | null | undefined;
}

export interface ReservationUseAnswer {
  readonly promotionId: string;
  readonly code: string | null;
  /** Units taken (a per-cart promotion takes 1); 0 when nothing was reserved. */
  readonly units: number;
  readonly status: 'reserved' | 'refused' | 'not_reserved';
  readonly reason?: LimitReason;
  readonly limit?: number;
}

/** The answer to `POST /v1/reservations`: every use reserved, or none with the limit that refused one. */
export interface ReservationAnswer {
  readonly reservationId: string;
  readonly status: ReservationStatus;
  readonly expiresAt: string | null;
  readonly uses: readonly ReservationUseAnswer[];
}

/** The request's identity for idempotency: the same id with another body is a conflict (409). */
export function reservationFingerprint(request: ReservationRequest): string {
  // A discount joins the identity only when given, so reservations made before #23 keep their fingerprint.
  const canonical = JSON.stringify([
    request.cartId,
    customerKeyOf(request.customerId, request.email),
    request.uses.map((use) => [use.promotionId, use.code ?? null, use.units, ...(use.discount ? [use.discount.amount, use.discount.currency] : [])]),
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}
