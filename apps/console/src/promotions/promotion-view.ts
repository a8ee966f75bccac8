/** A promotion as GET /v1/promotions lists it (the engine's shape plus admin fields). */
export interface PromotionView {
  readonly id: string;
  readonly name?: string | null;
  readonly kind: 'automatic' | 'coupon';
  readonly priority?: number;
  readonly stopAfter?: boolean;
  readonly stacking?: string;
  readonly status: 'active' | 'scheduled' | 'expired' | 'disabled';
  readonly enabled: boolean;
  readonly version: number;
  readonly codes?: readonly string[];
  readonly targeting?: { readonly currency?: string | null; readonly channels?: readonly string[] | null };
  readonly updatedAt: string;
}

export interface PromotionPage {
  readonly items: readonly PromotionView[];
  readonly total: number;
}
