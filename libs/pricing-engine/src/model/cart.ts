/** A custom field's value: text for `in` filters, a JSON number for numeric comparisons (README rule 17). */
export type CustomFieldValue = string | number | boolean | null;

/** A cart line as in the `cart.updated` contract; amounts in minor units. */
export interface CartLine {
  readonly lineId: string;
  readonly sku: string;
  readonly productId: string;
  readonly variantId?: string | null;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly categories?: readonly string[];
  readonly brand?: string | null;
  readonly customFields?: Readonly<Record<string, CustomFieldValue>>;
  readonly options?: Readonly<Record<string, string>>;
  readonly onSale?: boolean;
  readonly priceOverridden?: boolean;
  readonly giftCertificate?: boolean;
  /** README rule 10: false means no reward ever discounts the line (default true). */
  readonly discountable?: boolean;
  /** README rule 11: the line's tax rate in basis points, 0..10000 (default 0); used only while prices include tax. */
  readonly taxRate?: number;
}

export interface CartCustomer {
  readonly customerId: string;
  readonly groups?: readonly string[];
  readonly segments?: readonly string[];
  /** Orders placed before this cart. */
  readonly orderCount?: number;
}

export interface CartShipping {
  readonly country: string;
  readonly zone?: string | null;
  readonly method?: string | null;
  /** Minor units. */
  readonly amount: number;
}

/** One of several shipping methods of a cart (README rule 12); `methodId` is unique in the cart. */
export interface CartShippingMethod {
  readonly methodId: string;
  readonly zone: string;
  readonly method: string;
  readonly country?: string | null;
  /** Minor units. */
  readonly amount: number;
}

/** The cart of `cart.updated` plus `currencyExponent` (conformance README). */
export interface Cart {
  readonly cartId: string;
  readonly channel: string;
  readonly currency: string;
  readonly currencyExponent?: number;
  readonly customer?: CartCustomer | null;
  readonly lines: readonly CartLine[];
  /** In the order entered. */
  readonly codes?: readonly string[];
  /** The Version 1 object, or a list of methods (README rule 12). */
  readonly shipping?: CartShipping | readonly CartShippingMethod[] | null;
  /** README rule 18: the market (region) the cart is sold in. */
  readonly market?: string | null;
}
