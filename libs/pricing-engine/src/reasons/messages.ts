import { assertNever } from '../assert-never';
import type { Currency } from '../money/currencies';
import { formatMoney } from '../money/format-money';
import type { Missing, Reason } from './reason';

function plural(count: number, word: string): string {
  return `${count} more ${word}${count === 1 ? '' : 's'}`;
}

/** What to add, in words ("Add $2.00 more"), or null when nothing can be said. */
function missingSentence(missing: Missing | undefined, subject: string, currency: Currency): string | null {
  if (missing === undefined) return null;
  if (missing.subtotal !== undefined) return `Add ${formatMoney(missing.subtotal, currency)} more to use ${subject}.`;
  if (missing.value !== undefined) return `Add ${formatMoney(missing.value, currency)} more of the eligible items to use ${subject}.`;
  if (missing.quantity !== undefined) return `Add ${plural(missing.quantity, 'eligible item')} to use ${subject}.`;
  return null;
}

/**
 * A sentence a shopper can read for a refusal (P10); `subject` is the code as entered or the promotion's name,
 * null for a promotion without one; `conflictsWith` is the other promotion's name. Never pass an id: ids are
 * internal (#19).
 */
export function refusalMessage(
  reason: Reason,
  named: string | null,
  currency: Currency,
  details: { readonly missing?: Missing; readonly conflictsWith?: string } = {},
): string {
  const subject = named ?? 'this promotion';
  const Subject = named ?? 'This promotion';
  switch (reason) {
    case 'unknown':
      return `${Subject} is not a valid code.`;
    case 'expired':
      return `${Subject} has expired.`;
    case 'not_started':
      return `${Subject} is not active right now.`;
    case 'wrong_channel':
      return `${Subject} cannot be used in this store.`;
    case 'wrong_currency':
      return `${Subject} cannot be used when paying in ${currency.code}.`;
    case 'wrong_market':
      return `${Subject} is not available in your market.`;
    case 'customer_not_eligible':
      return `Your account is not eligible for ${subject}.`;
    case 'limit_reached':
      return `${Subject} has reached its usage limit.`;
    case 'budget_exhausted':
      return `${Subject} has run out of budget.`;
    case 'already_used_by_customer':
      return `You have already used ${subject}.`;
    case 'condition_not_met':
      return missingSentence(details.missing, subject, currency) ?? `Your cart does not meet the conditions of ${subject}.`;
    case 'not_combinable':
      return details.conflictsWith === undefined
        ? `${Subject} cannot be combined with the other promotions in your cart.`
        : `${Subject} cannot be combined with ${details.conflictsWith}.`;
    default:
      return assertNever(reason);
  }
}

/** A sentence for an applied code. */
export function appliedMessage(subject: string, discount: number, currency: Currency): string {
  return discount > 0 ? `${subject} applied: you save ${formatMoney(discount, currency)}.` : `${subject} applied.`;
}
