// TypeScript shapes of the upstream schemas in ./schemas (the JSON Schemas are the source of truth).

/** Amount in the currency's minor unit (cents for USD, whole yen for JPY). */
export type MinorUnits = number;

export interface CartLine {
  readonly lineId: string;
  readonly sku: string;
  readonly productId: string;
  readonly variantId?: string | null;
  readonly name?: string;
  readonly quantity: number;
  readonly unitPrice: MinorUnits;
  readonly categories?: readonly string[];
  readonly brand?: string | null;
  readonly tags?: readonly string[];
  readonly customFields?: Readonly<Record<string, string>>;
  readonly options?: Readonly<Record<string, string>>;
  readonly onSale?: boolean;
  readonly priceOverridden?: boolean;
  readonly giftCertificate?: boolean;
}

export interface Customer {
  readonly customerId: string;
  readonly email?: string | null;
  readonly marketingConsent?: boolean;
  readonly groups?: readonly string[];
  readonly segments?: readonly string[];
  readonly orderCount?: number;
}

export interface Shipping {
  readonly country: string;
  readonly zone?: string | null;
  readonly method?: string | null;
  readonly amount: MinorUnits;
}

export interface CartUpdatedData {
  readonly cartId: string;
  readonly channel: string;
  readonly currency: string;
  readonly customer?: Customer | null;
  readonly guestEmail?: string | null;
  readonly lines: readonly CartLine[];
  readonly codes?: readonly string[];
  readonly shipping?: Shipping | null;
  readonly recoveryUrl?: string | null;
  readonly updatedAt: string;
}

export interface AppliedPromotion {
  readonly promotionId: string;
  readonly code?: string | null;
  readonly amount: MinorUnits;
  readonly units?: number;
}

export interface OrderPlacedData {
  readonly orderId: string;
  readonly cartId: string;
  readonly channel: string;
  readonly currency: string;
  readonly customer?: Customer | null;
  readonly guestEmail?: string | null;
  readonly lines: readonly CartLine[];
  readonly codes?: readonly string[];
  readonly appliedPromotions?: readonly AppliedPromotion[];
  readonly reservationId?: string | null;
  readonly subtotal: MinorUnits;
  readonly discountTotal: MinorUnits;
  readonly shippingTotal: MinorUnits;
  readonly total: MinorUnits;
  readonly placedAt: string;
}

export interface OrderCancelledData {
  readonly orderId: string;
  readonly cartId?: string | null;
  readonly customerId?: string | null;
  readonly reason?: string | null;
  readonly cancelledAt: string;
}

export interface CustomerInactiveData {
  readonly customerId: string;
  readonly email?: string | null;
  readonly marketingConsent?: boolean;
  readonly groups?: readonly string[];
  readonly lastOrderAt?: string | null;
  readonly daysInactive: number;
  readonly lifetimeOrders?: number;
  readonly lifetimeValue?: MinorUnits;
  readonly currency?: string | null;
  readonly detectedAt: string;
}

/** The data of each upstream event type, keyed by CloudEvent `type` (= topic). */
export interface UpstreamEventData {
  readonly 'cart.updated': CartUpdatedData;
  readonly 'order.placed': OrderPlacedData;
  readonly 'order.cancelled': OrderCancelledData;
  readonly 'customer.inactive': CustomerInactiveData;
}

export type UpstreamEventType = keyof UpstreamEventData;

export const UPSTREAM_EVENT_TYPES: readonly UpstreamEventType[] = ['cart.updated', 'order.placed', 'order.cancelled', 'customer.inactive'];
