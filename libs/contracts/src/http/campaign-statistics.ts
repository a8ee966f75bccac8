/** Minor units of one currency: amounts in different currencies are never added together. */
export interface CurrencyAmount {
  readonly currency: string;
  readonly amount: number;
}

/**
 * K5: campaigns' `GET /v1/statistics/campaigns`, one row per campaign step. An order (not cancelled) is
 * attributed to one email only: the last email sent for its cart (abandoned cart) or its customer
 * (retention) that was due before the order was placed.
 */
export interface StepStatistics {
  readonly campaignId: string;
  readonly step: number;
  readonly sent: number;
  readonly opened: number;
  /** Distinct carts of the orders attributed to this step. */
  readonly recoveredCarts: number;
  /** Orders attributed to this step. */
  readonly recoveredOrders: number;
  /** Totals of the orders attributed to this step, one entry per currency (sorted by code). */
  readonly recoveredRevenueByCurrency: readonly CurrencyAmount[];
}
