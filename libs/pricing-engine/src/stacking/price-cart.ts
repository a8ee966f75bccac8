import type { PreparedCart } from '../cart/prepare-cart';
import type { Rule } from '../model/promotion';
import type { CodeOutcome, PricingResult, Refusal } from '../model/result';
import type { Settings } from '../model/settings';
import { normalizeCode } from '../model/ids';
import { appliedMessage, refusalMessage } from '../reasons/messages';
import type { Missing, Reason } from '../reasons/reason';
import { type LocalTime, type Zone, localTime } from '../schedule/zone';
import { buildResult } from './build-result';
import type { CompiledPromotion } from './compiled-promotion';
import { checkEligibility } from './eligibility';
import { type Application, type Ledger, applyPromotion, newLedger } from './ledger';
import { AUTOMATIC_STACKING_RULES, type Applied, CODE_STACKING_RULES, firstConflict } from './stacking-rules';

/** What the pricing of one cart needs from the compiled promotions. */
export interface PricingInputs {
  readonly cart: PreparedCart;
  readonly settings: Settings;
  readonly atMs: number;
  /** Automatic promotions that could match the cart, by ascending priority then listed order (P7). */
  readonly automatics: readonly CompiledPromotion[];
  /** The coupon promotion of a normalised code (C2). */
  readonly couponByCode: (code: string) => CompiledPromotion | undefined;
  /** Whether two promotions of the index share an id: only then can one id apply twice and its figures add up. */
  readonly idsRepeat: boolean;
}

/**
 * A refusal: `conflictsWith` carries the blocking promotion's id for machines, while the sentence names it by
 * its name, or not at all: ids are internal and never reach a shopper (#19).
 */
function refusal(reason: Reason, subject: string | null, inputs: PricingInputs, missing?: Missing, conflict?: CompiledPromotion): Refusal {
  const conflictName = conflict?.promotion.name ?? null;
  const message = refusalMessage(reason, subject, inputs.cart.currency, { ...(missing === undefined ? {} : { missing }), ...(conflictName === null ? {} : { conflictsWith: conflictName }) });
  return { reason, message, ...(missing === undefined ? {} : { missing }), ...(conflict === undefined ? {} : { conflictsWith: conflict.promotion.id }) };
}

/** How a sentence names an automatic promotion: its name, or null for "this promotion". */
function subjectOf(compiled: CompiledPromotion): string | null {
  return compiled.promotion.name ?? null;
}

/** Replays applications from scratch on a fresh ledger (used when automatic promotions are replaced). */
function replay(applications: readonly Application[], inputs: PricingInputs): { ledger: Ledger; applications: Application[] } {
  const ledger = newLedger(inputs.cart);
  const replayed = applications.map((app) => applyPromotion(app.compiled, app.rules, app.code, inputs.cart, ledger, inputs.settings));
  return { ledger, applications: replayed };
}

/** The state of one pricing call as promotions apply: what is left, what applied, what was refused. */
interface Stack extends Applied {
  ledger: Ledger;
  automatics: Application[];
  codes: Application[];
  exclusiveAutomatic: CompiledPromotion | null;
  stoppedBy: CompiledPromotion | null;
  /** Automatic promotions that did not apply, by id. */
  readonly notApplied: Record<string, Refusal>;
  /** Each code as entered, once. */
  readonly outcomes: Record<string, CodeOutcome>;
}

type LocalAt = (zone: Zone) => LocalTime;

/** Local times by zone for the instant priced, each worked out once per call. */
function localTimesAt(atMs: number): LocalAt {
  const localTimes = new Map<string, LocalTime>();
  return (zone) => {
    let local = localTimes.get(zone.name);
    if (local === undefined) {
      local = localTime(zone, atMs);
      localTimes.set(zone.name, local);
    }
    return local;
  };
}

/** P7 step 1: automatic promotions by ascending priority, each checked, then stacked by AUTOMATIC_STACKING_RULES. */
function applyAutomatics(inputs: PricingInputs, stack: Stack, localAt: LocalAt): void {
  const { cart, settings, atMs } = inputs;
  for (const compiled of inputs.automatics) {
    const { promotion } = compiled;
    const eligibility = checkEligibility(compiled, cart, atMs, localAt);
    if (!eligibility.ok) {
      stack.notApplied[promotion.id] = refusal(eligibility.reason, subjectOf(compiled), inputs, eligibility.missing);
      continue;
    }
    const blocker = firstConflict(AUTOMATIC_STACKING_RULES, compiled, stack, settings.maxCodesPerOrder);
    if (blocker !== undefined) {
      stack.notApplied[promotion.id] = refusal('not_combinable', subjectOf(compiled), inputs, undefined, blocker);
      continue;
    }
    stack.automatics.push(applyPromotion(compiled, eligibility.rules, null, cart, stack.ledger, settings));
    if (promotion.stacking === 'exclusive') stack.exclusiveAutomatic = compiled;
    if (promotion.kind === 'automatic' && promotion.stopAfter) stack.stoppedBy = compiled;
  }
}

function applied(subject: string, application: Application, currency: PreparedCart['currency']): CodeOutcome {
  return { status: 'applied', promotionId: application.compiled.promotion.id, discount: application.total, message: appliedMessage(subject, application.total, currency) };
}

/**
 * P7 / README rule 5: a `replaceIfBetter` code, with automatic promotions applied, replaces them when its
 * discount D, computed on the cart without them, is larger than theirs; otherwise it is refused.
 */
function replaceAutomaticsIfBetter(inputs: PricingInputs, stack: Stack, compiled: CompiledPromotion, rules: readonly Rule[], entered: string): void {
  const before = stack.automatics.reduce((sum, app) => sum + app.total, 0);
  const without = replay(stack.codes, inputs);
  const candidate = applyPromotion(compiled, rules, entered, inputs.cart, without.ledger, inputs.settings);
  if (candidate.total <= before) {
    stack.outcomes[entered] = rejected(compiled, refusal('not_combinable', entered.trim(), inputs, undefined, stack.automatics[0]?.compiled));
    return;
  }
  for (const app of stack.automatics) stack.notApplied[app.compiled.promotion.id] = refusal('not_combinable', subjectOf(app.compiled), inputs, undefined, compiled);
  stack.automatics = [];
  stack.exclusiveAutomatic = null;
  stack.codes = [...without.applications, candidate];
  stack.ledger = without.ledger;
  stack.outcomes[entered] = applied(entered.trim(), candidate, inputs.cart.currency);
}

function rejected(compiled: CompiledPromotion | undefined, why: Refusal): CodeOutcome {
  return { status: 'rejected', ...(compiled ? { promotionId: compiled.promotion.id } : {}), ...why };
}

/** P7 step 2: one code as entered: found (C2), checked, stacked by CODE_STACKING_RULES, then applied. */
function applyCode(inputs: PricingInputs, stack: Stack, entered: string, localAt: LocalAt): void {
  const { cart, settings, atMs } = inputs;
  const subject = entered.trim();
  const compiled = inputs.couponByCode(normalizeCode(entered));
  if (compiled === undefined) {
    stack.outcomes[entered] = rejected(undefined, refusal('unknown', subject, inputs));
    return;
  }
  const eligibility = checkEligibility(compiled, cart, atMs, localAt);
  if (!eligibility.ok) {
    stack.outcomes[entered] = rejected(compiled, refusal(eligibility.reason, subject, inputs, eligibility.missing));
    return;
  }
  const conflict = firstConflict(CODE_STACKING_RULES, compiled, stack, settings.maxCodesPerOrder);
  if (conflict !== undefined) {
    stack.outcomes[entered] = rejected(compiled, refusal('not_combinable', subject, inputs, undefined, conflict));
    return;
  }
  if (compiled.promotion.stacking === 'replaceIfBetter' && stack.automatics.length > 0) {
    replaceAutomaticsIfBetter(inputs, stack, compiled, eligibility.rules, entered);
    return;
  }
  const application = applyPromotion(compiled, eligibility.rules, entered, cart, stack.ledger, settings);
  stack.codes = [...stack.codes, application];
  stack.outcomes[entered] = applied(subject, application, cart.currency);
}

/** Discounts of codes applied before a replacement were recomputed: their outcomes take the new figures. */
function refreshReplayedCodes(stack: Stack, currency: PreparedCart['currency']): void {
  for (const app of stack.codes) {
    const outcome = app.code === null ? undefined : stack.outcomes[app.code];
    if (outcome !== undefined && outcome.status === 'applied' && app.code !== null && outcome.discount !== app.total) {
      stack.outcomes[app.code] = { ...outcome, discount: app.total, message: appliedMessage(app.code.trim(), app.total, currency) };
    }
  }
}

/**
 * Prices one cart (P7): automatic promotions by priority, then codes one by one in the order
 * entered, with every stacking rule of README rules 1 and 5.
 */
export function priceCart(inputs: PricingInputs): PricingResult {
  const localAt = localTimesAt(inputs.atMs);
  const stack: Stack = { ledger: newLedger(inputs.cart), automatics: [], codes: [], exclusiveAutomatic: null, stoppedBy: null, notApplied: {}, outcomes: {} };
  applyAutomatics(inputs, stack, localAt);
  for (const entered of inputs.cart.codes) {
    if (!Object.prototype.hasOwnProperty.call(stack.outcomes, entered)) applyCode(inputs, stack, entered, localAt);
  }
  refreshReplayedCodes(stack, inputs.cart.currency);
  return buildResult(inputs, [...stack.automatics, ...stack.codes], stack.outcomes, stack.notApplied);
}
