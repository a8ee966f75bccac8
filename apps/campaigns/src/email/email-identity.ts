import { createHash } from 'node:crypto';

/** The idempotency key of an abandoned-cart email: one per (campaign, cart, step), ever (K3). */
export function abandonedCartEmailId(campaignId: string, cartId: string, step: number): string {
  return `ac:${campaignId}:${cartId}:${step}`;
}

/** The idempotency key of a retention email: one per (campaign, customer, inactivity episode); the episode is its trigger's `detectedAt`. */
export function retentionEmailId(campaignId: string, customerId: string, detectedAt: Date): string {
  return `rt:${campaignId}:${customerId}:${detectedAt.toISOString()}`;
}

/** RFC 5322 Message-ID derived from the idempotency key: a resend after a crash carries the same one. */
export function messageIdFor(emailId: string): string {
  return `<${createHash('sha256').update(emailId).digest('hex').slice(0, 40)}@campaigns.promotions>`;
}
