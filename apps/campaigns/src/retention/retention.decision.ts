/** Whether a customer may get any retention offer at all, whatever the campaign. */
export interface RetentionRecipient {
  readonly hasMarketingConsent: boolean;
  /** The one normalised address (normaliseAddress), or null: none, or not exactly one address. */
  readonly email: string | null;
  readonly isSuppressed: boolean;
}

/** What the decision of one retention offer (K2, K3) looks at, for one campaign and one `customer.inactive`. */
export interface RetentionFacts extends RetentionRecipient {
  readonly daysInactive: number;
  readonly minimumDaysInactive: number;
  /** An offer of this campaign to the customer is due within its cool-down before this trigger (one per episode). */
  readonly hasOfferWithinCoolDown: boolean;
  /** A retention email of any campaign (not failed) is due within the frequency cap before this trigger. */
  readonly hasRetentionEmailWithinCap: boolean;
}

export type RecipientRefusal = 'no_consent' | 'no_email' | 'suppressed';

export type RetentionVerdict =
  | { readonly send: true }
  | { readonly send: false; readonly reason: RecipientRefusal | 'not_inactive_long_enough' | 'cool_down' | 'frequency_cap' };

/** Why the customer gets no retention offer of any campaign, or undefined when one may be offered. */
export function refuseRecipient(recipient: RetentionRecipient): RecipientRefusal | undefined {
  if (!recipient.hasMarketingConsent) return 'no_consent';
  if (recipient.email === null) return 'no_email';
  if (recipient.isSuppressed) return 'suppressed';
  return undefined;
}

/** Offers only when every rule holds; the first failing rule is the reason (as decideAbandonedCart). */
export function decideRetentionOffer(facts: RetentionFacts): RetentionVerdict {
  const refused = refuseRecipient(facts);
  if (refused !== undefined) return { send: false, reason: refused };
  if (facts.daysInactive < facts.minimumDaysInactive) return { send: false, reason: 'not_inactive_long_enough' };
  if (facts.hasOfferWithinCoolDown) return { send: false, reason: 'cool_down' };
  if (facts.hasRetentionEmailWithinCap) return { send: false, reason: 'frequency_cap' };
  return { send: true };
}
