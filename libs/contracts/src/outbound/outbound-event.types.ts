// TypeScript shapes of our outbound schemas in ./schemas.

export interface PromotionLimits {
  readonly totalUses?: number | null;
  readonly usesPerCode?: number | null;
  readonly usesPerCustomer?: number | null;
  readonly consumeUnit?: 'cart' | 'item';
}

export interface PromotionChangedData {
  readonly promotionId: string;
  readonly change: 'created' | 'updated' | 'deleted';
  /** Monotonic per promotion. */
  readonly version: number;
  readonly changedAt: string;
  readonly promotion: (Readonly<Record<string, unknown>> & { readonly id: string; readonly kind: 'automatic' | 'coupon'; readonly limits?: PromotionLimits }) | null;
}

/** The data of each outbound event type, keyed by CloudEvent `type` (= topic). */
export interface OutboundEventData {
  readonly 'pricing.promotion-changed': PromotionChangedData;
}

export type OutboundEventType = keyof OutboundEventData;

export const OUTBOUND_EVENT_VERSIONS: { readonly [T in OutboundEventType]: number } = {
  'pricing.promotion-changed': 1,
};
