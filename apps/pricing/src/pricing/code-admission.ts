import { type Reason, parsePromotion, scheduleBounds } from '@promo/pricing-engine';
import type { CodeLookupAnswer } from '@promo/contracts/http';
import type { IndexEntry } from '../promotion-index/index-snapshot';
import { engineShape } from '../promotions/promotion-draft';

/** Where `at` falls in a promotion's start/end window, as pricing reads it (P5). */
export type WindowStatus = 'active' | 'not_started' | 'expired';

/** The window status of an indexed promotion at `at`, its schedule resolved in its own zone or the store's; undefined when unreadable. */
export function windowStatusAt(entry: IndexEntry, storeTimeZone: string, at: Date): WindowStatus | undefined {
  const parsed = parsePromotion(engineShape(entry.definition));
  if (!parsed.ok) return undefined;
  if (parsed.value.schedule === null) return 'active';
  const { startMs, endMs } = scheduleBounds(parsed.value.schedule, storeTimeZone);
  if (endMs !== null && at.getTime() >= endMs) return 'expired';
  if (startMs !== null && at.getTime() < startMs) return 'not_started';
  return 'active';
}

/** What admission reads of a lookup answer (CodeLookupAnswer in libs/contracts). */
export type AdmissionRecord = Pick<CodeLookupAnswer, 'promotionId' | 'state' | 'isBound' | 'tokenValid'>;

/** A lookup's outcome as admission reads it (CodeLookupOutcome of @promo/code-inventory-client). */
export type AdmissionLookup = { readonly kind: 'found'; readonly record: AdmissionRecord } | { readonly kind: 'not_found' } | { readonly kind: 'unavailable' };

export type Admission =
  | { readonly kind: 'admit'; readonly promotionId: string }
  /** Not a code code-inventory knows: the engine reports it `unknown`. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'refuse'; readonly reason: Reason; readonly detail: string; readonly promotionId?: string };

/**
 * What a bulk code's lookup allows: an email-bound code applies only with a token code-inventory found valid for
 * this code and customer; a redeemed single-use code has reached its limit; lookup failure refuses as `unknown`
 * with `lookup_unavailable` (the shopper can retry; checkout's reservation stays the authority).
 * code-inventory reports a code outside its promotion's window as `disabled` (C9); `windowOf` (pricing's own
 * reading of the promotion, undefined when it is not in the index) tells that apart from a code the merchant
 * disabled, so the shopper reads `expired` or `not_started` rather than "not a valid code" (P5, P10).
 */
export function admitCode(lookup: AdmissionLookup, token: string | null, windowOf: (promotionId: string) => WindowStatus | undefined = () => undefined): Admission {
  if (lookup.kind === 'unavailable') return { kind: 'refuse', reason: 'unknown', detail: 'lookup_unavailable' };
  if (lookup.kind === 'not_found') return { kind: 'unknown' };
  const { record } = lookup;
  const promotionId = record.promotionId;
  if (record.state === 'disabled') {
    const window = windowOf(promotionId);
    if (window === 'expired') return { kind: 'refuse', reason: 'expired', detail: 'promotion_expired', promotionId };
    if (window === 'not_started') return { kind: 'refuse', reason: 'not_started', detail: 'promotion_not_started', promotionId };
    return { kind: 'refuse', reason: 'unknown', detail: 'code_disabled', promotionId };
  }
  if (record.state === 'redeemed') return { kind: 'refuse', reason: 'limit_reached', detail: 'code_redeemed', promotionId };
  if (record.isBound && record.tokenValid !== true) {
    return { kind: 'refuse', reason: 'customer_not_eligible', detail: token === null ? 'token_missing' : 'token_invalid', promotionId };
  }
  return { kind: 'admit', promotionId };
}

const MESSAGES: Readonly<Record<string, (code: string) => string>> = {
  lookup_unavailable: (code) => `We could not check the code ${code} just now. Please try again in a moment.`,
  code_disabled: (code) => `The code ${code} is not valid.`,
  promotion_expired: (code) => `The code ${code} has expired.`,
  promotion_not_started: (code) => `The code ${code} is not active yet.`,
  code_redeemed: (code) => `The code ${code} has already been used.`,
  token_missing: (code) => `The code ${code} only works from the link in the email it came with.`,
  token_invalid: (code) => `The code ${code} is not valid for this account.`,
};

/** A sentence a shopper can read for a refusal decided before the engine (P10). */
export function admissionMessage(detail: string, code: string): string {
  return (MESSAGES[detail] ?? ((c: string) => `The code ${c} cannot be used.`))(code);
}
