// TypeScript shapes of our outbound schemas in ./schemas (the JSON Schemas are the source of truth).

export interface PromotionLimits {
  readonly totalUses?: number | null;
  readonly usesPerCode?: number | null;
  readonly usesPerCustomer?: number | null;
  readonly consumeUnit?: 'cart' | 'item';
  /** #23, rule 19: the total discount budget in minor units of `targeting.currency`; null or absent = none. */
  readonly budget?: number | null;
}

export interface PromotionChangedData {
  readonly promotionId: string;
  readonly change: 'created' | 'updated' | 'deleted';
  /** Monotonic per promotion. */
  readonly version: number;
  readonly changedAt: string;
  readonly promotion: (Readonly<Record<string, unknown>> & { readonly id: string; readonly kind: 'automatic' | 'coupon'; readonly limits?: PromotionLimits }) | null;
  /** The schedule's start and end instants as pricing resolved them (its own zone, else the store's); null = open. Absent in events before #19. */
  readonly startsAt?: string | null;
  readonly endsAt?: string | null;
}

export interface CartPricedData {
  readonly cartId: string;
  readonly currency: string;
  /** Amounts in minor units. */
  readonly subtotal: number;
  readonly discountTotal: number;
  readonly shippingTotal: number;
  readonly total: number;
  readonly indexVersion: number;
  readonly pricedAt: string;
  readonly sourceEventId: string;
  readonly codes?: readonly { readonly code: string; readonly status: 'applied' | 'rejected'; readonly reason?: string | null }[];
  readonly result?: Readonly<Record<string, unknown>>;
}

export interface RedemptionRecordedData {
  readonly orderId: string;
  readonly reservationId?: string | null;
  readonly promotionId: string;
  readonly code: string | null;
  readonly customerId: string | null;
  readonly units: number;
  /** Minor units. */
  readonly discountAmount: number;
  readonly currency: string;
  readonly orderTotal: number;
  readonly recordedAt: string;
}

/** #23: `budget_exhausted` and `budget_currency_mismatch` when the order's discount does not fit the promotion's budget (rule 19). */
export type RedemptionRejectionReason = 'total_limit_reached' | 'code_limit_reached' | 'budget_exhausted' | 'budget_currency_mismatch' | 'customer_limit_reached' | 'unknown_promotion';

export interface RedemptionRejectedData {
  readonly orderId: string;
  readonly promotionId: string;
  readonly code: string | null;
  readonly customerId: string | null;
  readonly units: number;
  readonly reason: RedemptionRejectionReason;
  readonly rejectedAt: string;
}

export interface RedemptionReversedData {
  readonly orderId: string;
  readonly promotionId: string;
  readonly code: string | null;
  readonly customerId: string | null;
  readonly units: number;
  /** Minor units the reversed use had given (#23: back to the promotion's budget). Absent in events before #23. */
  readonly discountAmount?: number;
  readonly reversedAt: string;
}

export interface CodeChangedData {
  /** The normalized code (trimmed, case-folded). */
  readonly code: string;
  readonly promotionId: string | null;
  readonly groupId: string | null;
  readonly state: 'available' | 'issued' | 'redeemed' | 'disabled' | 'deleted';
  readonly customerId?: string | null;
  readonly changedAt: string;
}

export interface CodeIssuedData {
  readonly code: string;
  readonly groupId: string;
  readonly promotionId?: string | null;
  readonly customerId: string;
  readonly issue: 'first' | 'repeat';
  readonly boundToCustomer?: boolean;
  readonly issuedAt: string;
}

/**
 * v2: a committed batch of codes added to a group by bulk generation or upload, described by its code id
 * range (v1 carried up to 500 codes per event). The codes are read with
 * `GET /v1/groups/{groupId}/codes?fromId={firstCodeId}&toId={lastCodeId}`.
 */
export interface CodesAddedData {
  readonly promotionId: string;
  readonly groupId: string;
  readonly origin: 'generation' | 'upload';
  /** The generation job, for origin `generation`. */
  readonly jobId?: string;
  /** How many codes the batch inserted. */
  readonly count: number;
  /** The batch's smallest and largest code id (bigints as decimal text); the range may also hold codes of the group added concurrently. */
  readonly firstCodeId: string;
  readonly lastCodeId: string;
  readonly addedAt: string;
}

export interface EmailSentData {
  readonly campaignId: string;
  readonly kind: 'abandoned_cart' | 'retention';
  readonly step: number;
  readonly customerId: string;
  readonly cartId?: string | null;
  readonly code?: string | null;
  readonly dueAt: string;
  readonly sentAt: string;
}

/** The data of each outbound event type, keyed by CloudEvent `type` (= topic). */
export interface OutboundEventData {
  readonly 'pricing.promotion-changed': PromotionChangedData;
  readonly 'pricing.cart-priced': CartPricedData;
  readonly 'redemption.recorded': RedemptionRecordedData;
  readonly 'redemption.rejected': RedemptionRejectedData;
  readonly 'redemption.reversed': RedemptionReversedData;
  readonly 'code-inventory.code-changed': CodeChangedData;
  readonly 'code-inventory.code-issued': CodeIssuedData;
  readonly 'code-inventory.codes-added': CodesAddedData;
  readonly 'campaigns.email-sent': EmailSentData;
}

export type OutboundEventType = keyof OutboundEventData;

/** The current version of each outbound event type (its `dataschema` is `urn:promotions:<type>:v<version>`). */
export const OUTBOUND_EVENT_VERSIONS: { readonly [T in OutboundEventType]: number } = {
  'pricing.promotion-changed': 1,
  'pricing.cart-priced': 1,
  'redemption.recorded': 1,
  'redemption.rejected': 1,
  'redemption.reversed': 1,
  'code-inventory.code-changed': 1,
  'code-inventory.code-issued': 1,
  'code-inventory.codes-added': 2,
  'campaigns.email-sent': 1,
};
