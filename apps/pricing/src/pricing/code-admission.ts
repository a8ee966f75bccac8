import type { Reason } from '@promo/pricing-engine';
import type { CodeLookup } from '../code-lookup/code-lookup.result';

export type Admission =
  | { readonly kind: 'admit'; readonly promotionId: string }
  /** Not a code code-inventory knows: the engine reports it `unknown`. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'refuse'; readonly reason: Reason; readonly detail: string; readonly promotionId?: string };

/**
 * What a bulk code's lookup allows: an email-bound code applies only with a token code-inventory found valid for
 * this code and customer; a redeemed single-use code has reached its limit; lookup failure refuses as `unknown`
 * with `lookup_unavailable` (the shopper can retry; checkout's reservation stays the authority).
 */
export function admitCode(lookup: CodeLookup, token: string | null): Admission {
  if (lookup.kind === 'unavailable') return { kind: 'refuse', reason: 'unknown', detail: 'lookup_unavailable' };
  if (lookup.kind === 'not_found') return { kind: 'unknown' };
  const { record } = lookup;
  if (record.promotionId === null) return { kind: 'unknown' };
  const promotionId = record.promotionId;
  if (record.state === 'disabled') return { kind: 'refuse', reason: 'unknown', detail: 'code_disabled', promotionId };
  if (record.state === 'redeemed') return { kind: 'refuse', reason: 'limit_reached', detail: 'code_redeemed', promotionId };
  if (record.isBound && record.tokenValid !== true) {
    return { kind: 'refuse', reason: 'customer_not_eligible', detail: token === null ? 'token_missing' : 'token_invalid', promotionId };
  }
  return { kind: 'admit', promotionId };
}

const MESSAGES: Readonly<Record<string, (code: string) => string>> = {
  lookup_unavailable: (code) => `We could not check the code ${code} just now. Please try again in a moment.`,
  code_disabled: (code) => `The code ${code} is not valid.`,
  code_redeemed: (code) => `The code ${code} has already been used.`,
  token_missing: (code) => `The code ${code} only works from the link in the email it came with.`,
  token_invalid: (code) => `The code ${code} is not valid for this account.`,
};

/** A sentence a shopper can read for a refusal decided before the engine (P10). */
export function admissionMessage(detail: string, code: string): string {
  return (MESSAGES[detail] ?? ((c: string) => `The code ${c} cannot be used.`))(code);
}
