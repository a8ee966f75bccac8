import type { PromotionLimits } from './promotion-draft';

/** One live promotion as stored (`pricing.promotions`), columns read back in camelCase. */
export interface PromotionRow {
  readonly id: string;
  readonly kind: 'automatic' | 'coupon';
  readonly name: string | null;
  readonly enabled: boolean;
  readonly priority: number | null;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  readonly definition: Readonly<Record<string, unknown>>;
  readonly limits: PromotionLimits;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export const PROMOTION_COLUMNS = `id, kind, name, enabled, priority, starts_at AS "startsAt", ends_at AS "endsAt", definition, limits, version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;
