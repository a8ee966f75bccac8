import { createHash } from 'node:crypto';
import type { LimitReason } from '../usage/usage-scripts';

export type ReservationStatus = 'reserved' | 'refused' | 'committed' | 'released' | 'expired';

export interface ReservationRequest {
  readonly reservationId: string;
  readonly cartId: string;
  readonly customerId: string;
  readonly uses: readonly { readonly promotionId: string; readonly code?: string | null | undefined; readonly units: number }[];
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
  const canonical = JSON.stringify([request.cartId, request.customerId, request.uses.map((use) => [use.promotionId, use.code ?? null, use.units])]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}
