/** The answer of the price API and its dry-run (the engine's PricingResult); amounts in minor units. */
export interface PricedCart {
  readonly cartId: string;
  readonly currency: string;
  readonly subtotal: number;
  readonly discounts: Readonly<Record<string, number>>;
  readonly lines: readonly { readonly lineId: string; readonly subtotal: number; readonly discount: number; readonly total: number }[];
  readonly shipping: { readonly amount: number; readonly discount: number; readonly total: number } | null;
  readonly gifts: readonly { readonly promotionId: string; readonly sku: string; readonly quantity: number }[];
  readonly total: number;
  readonly codes: Readonly<Record<string, { readonly status: string; readonly message: string }>>;
  readonly applied: readonly string[];
  readonly notApplied: Readonly<Record<string, { readonly reason: string; readonly message: string }>>;
}
