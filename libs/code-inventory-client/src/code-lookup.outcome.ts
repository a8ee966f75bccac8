import type { CodeLookupAnswer } from '@promo/contracts/http';

/** A lookup's outcome: the caller degrades on `unavailable` (never an exception on the pricing path). */
export type CodeLookupOutcome = { readonly kind: 'found'; readonly record: CodeLookupAnswer } | { readonly kind: 'not_found' } | { readonly kind: 'unavailable' };
