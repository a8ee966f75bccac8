import { normalizeCode } from '@promo/pricing-engine';

/**
 * Redis keys of one promotion's usage (STYLE.md: `<app>:<entity>:{<id>}:<field>`). The `{promotionId}`
 * hash tag keeps every key a script touches in one Redis Cluster slot; the client's keyPrefix adds
 * `<REDIS_KEY_PREFIX>redemption-ledger:` in front (ioredis prefixes the KEYS of Lua commands too).
 */
export interface UsageKeys {
  readonly limits: string;
  readonly total: string;
  readonly code: string;
  readonly customer: string;
  readonly hold: string;
  readonly expiries: string;
  /** #23: minor units of the promotion's budget spent or held. */
  readonly budget: string;
}

export interface UseTarget {
  readonly promotionId: string;
  readonly codeKey: string | null;
  readonly customerId: string | null;
  readonly holdId: string;
}

export function promotionTag(promotionId: string): string {
  return `usage:{${promotionId}}`;
}

export function usageKeys(target: UseTarget): UsageKeys {
  const tag = promotionTag(target.promotionId);
  return {
    limits: `${tag}:limits`,
    total: `${tag}:total`,
    // Without a code or customer the script ignores these keys; they stay in the slot all the same.
    code: `${tag}:code:${target.codeKey ?? '-'}`,
    customer: `${tag}:customer:${target.customerId ?? '-'}`,
    hold: `${tag}:hold:${target.holdId}`,
    expiries: `${tag}:expiries`,
    budget: `${tag}:budget`,
  };
}

/**
 * The global sentinel (L3): holds the epoch of the last rebuild (usage-rebuild.service.ts). It vanishes with
 * the data, so every replica's periodic check notices a loss; a rebuild deletes it first, so one that dies
 * is redone. Alone in its slot: no script reads it.
 */
export const SENTINEL_KEY = 'usage:sentinel';

/** The expiry sweeper's lease (one replica sweeps per interval); outside `usage:*`, which a rebuild deletes. */
export const SWEEPER_LEASE_KEY = 'sweeper:lease';

/** The usage key of a code: its normal form (C2, normalizeCode), or null for no code (absent, or only spaces). */
export function codeKeyOf(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const key = normalizeCode(code);
  return key === '' ? null : key;
}

/** A reservation's hold for its `index`-th use. */
export function reservationHoldId(reservationId: string, index: number): string {
  return `r:${reservationId}:${index}`;
}

/** The hold of an order's `index`-th use taken without a reservation. */
export function orderHoldId(orderId: string, index: number): string {
  return `o:${orderId}:${index}`;
}
