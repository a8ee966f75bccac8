/** P10: why a code or an automatic promotion did not apply; earlier in this list wins (README rules 7 and 21). */
export const REASONS = [
  'unknown',
  'expired',
  'not_started',
  'wrong_channel',
  'wrong_currency',
  'wrong_market',
  'customer_not_eligible',
  'limit_reached',
  'budget_exhausted',
  'already_used_by_customer',
  'condition_not_met',
  'not_combinable',
] as const;

export type Reason = (typeof REASONS)[number];

/** What a shopper still needs for a condition: amounts in minor units, quantity in units. */
export interface Missing {
  readonly subtotal?: number;
  readonly quantity?: number;
  readonly value?: number;
}
