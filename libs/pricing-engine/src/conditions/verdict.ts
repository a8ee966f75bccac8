import type { Missing } from '../reasons/reason';

/** The outcome of a condition: met or not, and what the shopper is missing (P10). */
export interface Verdict {
  readonly met: boolean;
  readonly missing: Missing | null;
}

export const MET: Verdict = { met: true, missing: null };
export const NOT_MET: Verdict = { met: false, missing: null };
