export type StoredCodeState = 'available' | 'issued' | 'redeemed' | 'disabled';

/** What the service knows of a promotion's validity from `pricing.promotion-changed` (null: nothing heard yet). */
export interface PromotionValidity {
  readonly isEnabled: boolean;
  readonly isDeleted: boolean;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
}

export function isStoredCodeState(value: string): value is StoredCodeState {
  return value === 'available' || value === 'issued' || value === 'redeemed' || value === 'disabled';
}

/**
 * C9: a code is valid only while its promotion is. The stored state is never changed by the promotion's
 * window, so extending the end brings the codes back as they were; outside it they read as disabled.
 */
export function effectiveCodeState(stored: StoredCodeState, promotion: PromotionValidity | null, at: Date): StoredCodeState {
  if (stored === 'disabled' || promotion === null) return stored;
  const isLive =
    promotion.isEnabled &&
    !promotion.isDeleted &&
    (promotion.startsAt === null || promotion.startsAt.getTime() <= at.getTime()) &&
    (promotion.endsAt === null || at.getTime() < promotion.endsAt.getTime());
  return isLive ? stored : 'disabled';
}
