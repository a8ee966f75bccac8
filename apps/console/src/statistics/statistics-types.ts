/** GET /v1/statistics/promotions/:id and /codes/:code (redemption-ledger); amounts in minor units per currency. */
export interface UsageStatistics {
  readonly redemptions: number;
  readonly rejected: number;
  readonly reversed: number;
  readonly redeemers: number;
  readonly repeatPurchaseRate: number | null;
  readonly figures: readonly {
    readonly currency: string;
    readonly discountGiven: number;
    readonly attributedRevenue: number;
    readonly averageOrderValueWith: number | null;
    readonly averageOrderValueWithout: number | null;
  }[];
  readonly usesPerDay: { readonly items: readonly { readonly day: string; readonly uses: number }[]; readonly nextCursor: string | null };
}

/** GET /v1/statistics/campaigns (campaigns), one row per campaign step. */
export interface StepStatistics {
  readonly campaignId: string;
  readonly step: number;
  readonly sent: number;
  readonly opened: number;
  readonly recoveredCarts: number;
  readonly recoveredRevenue: number;
}
