/** Amounts in minor units of `currency`. */
export interface CurrencyFigures {
  readonly currency: string;
  readonly discountGiven: number;
  /** Σ total of the orders (not cancelled) that redeemed it. */
  readonly attributedRevenue: number;
  readonly averageOrderValueWith: number | null;
  readonly averageOrderValueWithout: number | null;
}

/** L4: redemption-ledger's `GET /v1/statistics/promotions/:id` and `/codes/:code`. */
export interface UsageStatistics {
  readonly subject: { readonly promotionId: string } | { readonly code: string };
  /** Accepted uses not reversed. */
  readonly redemptions: number;
  readonly rejected: number;
  readonly reversed: number;
  readonly redeemers: number;
  /** Share (0..1) of redeemers with more than one order not cancelled. */
  readonly repeatPurchaseRate: number | null;
  readonly figures: readonly CurrencyFigures[];
  readonly usesPerDay: { readonly items: readonly { readonly day: string; readonly uses: number }[]; readonly nextCursor: string | null };
}

/** redemption-ledger's `GET /v1/statistics/orders`: every order, with or without a promotion. */
export interface OrderStatistics {
  readonly orders: number;
  readonly cancelled: number;
  readonly byCurrency: readonly { readonly currency: string; readonly ordersTotal: number }[];
}
