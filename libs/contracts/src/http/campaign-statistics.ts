/** K5: campaigns' `GET /v1/statistics/campaigns`, one row per campaign step. */
export interface StepStatistics {
  readonly campaignId: string;
  readonly step: number;
  readonly sent: number;
  readonly opened: number;
  readonly recoveredCarts: number;
  /** Minor units: totals of orders (not cancelled) for emailed carts placed after the email was due. */
  readonly recoveredRevenue: number;
}
