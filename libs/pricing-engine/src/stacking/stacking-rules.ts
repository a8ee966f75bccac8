import type { CompiledPromotion } from './compiled-promotion';
import type { Application } from './ledger';

/** What has applied so far in one pricing call, as the stacking rules read it. */
export interface Applied {
  readonly automatics: readonly Application[];
  readonly codes: readonly Application[];
  /** P7: the exclusive automatic promotion that applied, if any. */
  readonly exclusiveAutomatic: CompiledPromotion | null;
  /** P7: the automatic promotion with `stopAfter` that applied, if any. */
  readonly stoppedBy: CompiledPromotion | null;
}

/** One stacking rule: when it holds, the promotion is refused as `not_combinable` with the one it names. */
interface StackingRule {
  /** The rule, as README rules 1 and 5 state it. */
  readonly rule: string;
  readonly conflictsWith: (candidate: CompiledPromotion, applied: Applied, maxCodesPerOrder: number) => CompiledPromotion | undefined;
}

/** P7: an eligible automatic promotion joins unless one of these holds, checked in this order. */
export const AUTOMATIC_STACKING_RULES: readonly StackingRule[] = [
  { rule: 'an automatic promotion with stopAfter has applied', conflictsWith: (_candidate, applied) => applied.stoppedBy ?? undefined },
  { rule: 'an exclusive automatic promotion has applied', conflictsWith: (_candidate, applied) => applied.exclusiveAutomatic ?? undefined },
  {
    rule: 'an exclusive promotion joins nothing already applied',
    conflictsWith: (candidate, applied) => (candidate.promotion.stacking === 'exclusive' ? applied.automatics[0]?.compiled : undefined),
  },
];

/** P7 / README rules 1 and 5: an eligible code joins unless one of these holds, checked in this order. */
export const CODE_STACKING_RULES: readonly StackingRule[] = [
  {
    rule: 'the promotion has already applied through another code',
    conflictsWith: (candidate, applied) => (applied.codes.some((app) => app.compiled.promotion.id === candidate.promotion.id) ? candidate : undefined),
  },
  { rule: 'an exclusive automatic promotion has applied', conflictsWith: (_candidate, applied) => applied.exclusiveAutomatic ?? undefined },
  {
    rule: 'an exclusive code has applied',
    conflictsWith: (_candidate, applied) => applied.codes.find((app) => app.compiled.promotion.stacking === 'exclusive')?.compiled,
  },
  {
    rule: 'an exclusive code joins nothing already applied',
    conflictsWith: (candidate, applied) => (candidate.promotion.stacking === 'exclusive' ? (applied.automatics[0]?.compiled ?? applied.codes[0]?.compiled) : undefined),
  },
  {
    rule: 'a rejectIfAutomatic code joins no automatic promotion',
    conflictsWith: (candidate, applied) => (candidate.promotion.stacking === 'rejectIfAutomatic' ? applied.automatics[0]?.compiled : undefined),
  },
  {
    rule: 'a buy-X-get-Y code never stacks with another code',
    conflictsWith: (candidate, applied) => {
      const firstCode = applied.codes[0]?.compiled;
      return firstCode !== undefined && (candidate.givesBuyXGetY || applied.codes.some((app) => app.compiled.givesBuyXGetY)) ? firstCode : undefined;
    },
  },
  {
    rule: 'at most maxCodesPerOrder codes (P9)',
    conflictsWith: (candidate, applied, maxCodesPerOrder) => (applied.codes.length >= maxCodesPerOrder ? (applied.codes[0]?.compiled ?? candidate) : undefined),
  },
];

/** The promotion the first rule that holds names; undefined when the candidate may join. */
export function firstConflict(
  rules: readonly StackingRule[],
  candidate: CompiledPromotion,
  applied: Applied,
  maxCodesPerOrder: number,
): CompiledPromotion | undefined {
  for (const { conflictsWith } of rules) {
    const conflict = conflictsWith(candidate, applied, maxCodesPerOrder);
    if (conflict !== undefined) return conflict;
  }
  return undefined;
}
