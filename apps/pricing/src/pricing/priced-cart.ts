import type { PricingResult, Reason } from '@promo/pricing-engine';

/** A code outcome as the price API returns it: the engine's, or a refusal decided before the engine (`detail`). */
export type CodeOutcomeView =
  | PricingResult['codes'][string]
  | {
      readonly status: 'rejected';
      readonly reason: Reason;
      readonly message: string;
      readonly promotionId?: string;
      /** Why, beyond the reason: `lookup_unavailable`, `token_missing`, `token_invalid`, `code_redeemed`, `code_disabled`. */
      readonly detail: string;
    };

/** The engine's full result, with every code's outcome, the index version that priced it and when. */
export interface PricedCart extends Omit<PricingResult, 'codes'> {
  readonly codes: Readonly<Record<string, CodeOutcomeView>>;
  readonly indexVersion: number;
  readonly pricedAt: string;
}
