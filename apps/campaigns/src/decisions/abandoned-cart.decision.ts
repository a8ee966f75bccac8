/** What the decision of one abandoned-cart email (K1, K3, K4) looks at, all as of its due time. */
export interface AbandonedCartFacts {
  readonly isCampaignEnabled: boolean;
  readonly lineCount: number;
  /** Minor units, before promotions and shipping. */
  readonly cartValue: number;
  readonly minimumCartValue: number;
  readonly customerId: string | null;
  /** The one normalised address (normaliseAddress), or null: none, or not exactly one address. */
  readonly email: string | null;
  readonly hasMarketingConsent: boolean;
  readonly isSuppressed: boolean;
  /** An order for the cart with `placedAt` ≤ the due time (equal counts). */
  readonly hasOrderAtOrBeforeDue: boolean;
  /** The customer's previous sent abandoned-cart email is due less than the cap before this one. */
  readonly hasRecentEmail: boolean;
}

export type AbandonedCartVerdict =
  | { readonly send: true }
  | { readonly send: false; readonly reason: 'campaign_disabled' | 'cart_empty' | 'guest' | 'no_email' | 'no_consent' | 'suppressed' | 'below_minimum' | 'ordered' | 'frequency_cap' };

/** Sends only when every rule of the streams README holds; the first failing rule is the reason. */
export function decideAbandonedCart(facts: AbandonedCartFacts): AbandonedCartVerdict {
  if (!facts.isCampaignEnabled) return { send: false, reason: 'campaign_disabled' };
  if (facts.lineCount === 0) return { send: false, reason: 'cart_empty' };
  if (facts.customerId === null) return { send: false, reason: 'guest' };
  if (facts.email === null) return { send: false, reason: 'no_email' };
  if (!facts.hasMarketingConsent) return { send: false, reason: 'no_consent' };
  if (facts.isSuppressed) return { send: false, reason: 'suppressed' };
  if (facts.cartValue < facts.minimumCartValue) return { send: false, reason: 'below_minimum' };
  if (facts.hasOrderAtOrBeforeDue) return { send: false, reason: 'ordered' };
  if (facts.hasRecentEmail) return { send: false, reason: 'frequency_cap' };
  return { send: true };
}
