/** A promotion's admin status at the time of the answer (its start/end window and its switch). */
export type PromotionStatus = 'active' | 'scheduled' | 'expired' | 'disabled';

/** Usage limits as pricing's admin API answers them: null means not set (the ledger's defaults apply, L1). */
export interface PromotionLimitsView {
  readonly totalUses: number | null;
  readonly usesPerCode: number | null;
  readonly usesPerCustomer: number | null;
  readonly consumeUnit: 'cart' | 'item';
  /**
   * Rule 19: the promotion's total discount budget, minor units of `targeting.currency`; null = none. The ledger keeps
   * what is spent of it; pricing gives the engine what is left (`limits.budgetRemaining`). Absent in promotions stored
   * before #23, read as null.
   */
  readonly budget?: number | null;
}

/**
 * A promotion as pricing's `GET /v1/promotions[/{id}]` answers it: the engine's shape as the merchant wrote it (its
 * other fields pass through untyped) plus the admin fields typed here. Read by the console.
 */
export interface PromotionView extends Readonly<Record<string, unknown>> {
  readonly id: string;
  readonly kind: 'automatic' | 'coupon';
  readonly name?: string | null;
  readonly priority?: number;
  readonly stopAfter?: boolean;
  readonly stacking?: string;
  readonly codes?: readonly string[];
  readonly targeting?: { readonly currency?: string | null; readonly channels?: readonly string[] | null };
  readonly enabled: boolean;
  readonly limits: PromotionLimitsView;
  /** Rises by one with every change (the ETag). */
  readonly version: number;
  readonly status: PromotionStatus;
  /** ISO 8601 instants. */
  readonly createdAt: string;
  readonly updatedAt: string;
}
