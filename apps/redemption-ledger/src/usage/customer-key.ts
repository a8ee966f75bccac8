import { createHash } from 'node:crypto';

/** The prefix of a guest's customer key; a platform's own customer ids are never expected to start with it. */
export const GUEST_KEY_PREFIX = 'guest:';

/**
 * L1 for guests (#23, PRODUCT item 10): the key per-customer limits count under. A known customer is its
 * `customerId`; a guest is a SHA-256 hex of the normalised e-mail (trimmed, lower-cased), so the same e-mail
 * cannot take a once-per-customer coupon twice, and the ledger never stores the address itself. Null: no
 * customer and no e-mail, so no per-customer limit can apply.
 */
export function customerKeyOf(customerId: string | null | undefined, guestEmail: string | null | undefined): string | null {
  if (customerId !== null && customerId !== undefined && customerId !== '') return customerId;
  const email = guestEmail?.trim().toLowerCase() ?? '';
  if (email === '') return null;
  return `${GUEST_KEY_PREFIX}${createHash('sha256').update(email).digest('hex')}`;
}

/** The customer id events may carry: a guest's key is the ledger's own, not a customer id other services know. */
export function publishedCustomerId(customerKey: string | null): string | null {
  return customerKey !== null && customerKey.startsWith(GUEST_KEY_PREFIX) ? null : customerKey;
}
