import type { PreparedCart } from '../cart/prepare-cart';
import type { Rule } from '../model/promotion';
import type { GiftLine } from '../model/result';
import type { Settings } from '../model/settings';
import { applyReward, maxDiscountOf } from '../rewards/reward-registry';
import { zeros } from '../zeros';
import { capParts } from './cap-parts';
import type { CompiledPromotion } from './compiled-promotion';

/** What is left to discount, per line and per shipping method, during one pricing call. */
export interface Ledger {
  readonly left: number[];
  /** Per shipping method (README rule 12), what is left on it. */
  readonly shippingLeft: number[];
  /** Per line, its total before any discount: the base of independent calculation. */
  readonly totals: readonly number[];
  /** Per shipping method, its amount before any discount. */
  readonly shippingTotals: readonly number[];
}

/** One promotion as applied: its discount per line, per shipping method, and its gifts. */
export interface Application {
  readonly compiled: CompiledPromotion;
  readonly rules: readonly Rule[];
  /** The code that brought it, as entered; null for an automatic promotion. */
  readonly code: string | null;
  readonly lines: readonly number[];
  /** Per shipping method, in the cart's order. */
  readonly shippingMethods: readonly number[];
  /** Σ of `shippingMethods`. */
  readonly shipping: number;
  readonly gifts: readonly GiftLine[];
  /** Lines plus shipping, minor units. */
  readonly total: number;
}

const NO_GIFTS: readonly GiftLine[] = Object.freeze([]);

export function newLedger(cart: PreparedCart): Ledger {
  const totals = cart.lines.map((line) => line.total);
  const shippingTotals = cart.shippingMethods.map((method) => method.amount);
  return { left: totals.slice(), shippingLeft: shippingTotals.slice(), totals, shippingTotals };
}

/** Each part capped at what is left on it (so nothing goes below zero), into `into`. */
function capAtLeft(amounts: readonly number[], left: readonly number[], into: number[], offset: number): void {
  for (let i = 0; i < amounts.length; i += 1) into[offset + i] = Math.max(0, Math.min(amounts[i] ?? 0, left[i] ?? 0));
}

/** Without a cap, takes each part, capped at what is left, straight off `left` into `given` (no array in between). */
function takeCappedAtLeft(amounts: readonly number[], left: number[], given: number[]): number {
  let taken = 0;
  for (let i = 0; i < amounts.length; i += 1) {
    const leftOn = left[i] ?? 0;
    const part = Math.max(0, Math.min(amounts[i] ?? 0, leftOn));
    if (part === 0) continue;
    left[i] = leftOn - part;
    given[i] = (given[i] ?? 0) + part;
    taken += part;
  }
  return taken;
}

/** Takes the parts (lines first, then shipping methods) off the ledger and adds them to the promotion's figures. */
function take(parts: readonly number[], ledger: Ledger, lines: number[], methods: number[]): number {
  let taken = 0;
  const lineCount = lines.length;
  for (let k = 0; k < parts.length; k += 1) {
    const part = parts[k] ?? 0;
    if (part === 0) continue;
    taken += part;
    if (k < lineCount) {
      ledger.left[k] = (ledger.left[k] ?? 0) - part;
      lines[k] = (lines[k] ?? 0) + part;
    } else {
      const m = k - lineCount;
      ledger.shippingLeft[m] = (ledger.shippingLeft[m] ?? 0) - part;
      methods[m] = (methods[m] ?? 0) + part;
    }
  }
  return taken;
}

/**
 * README rule 19: a promotion's whole discount is at most its remaining budget; above it, the budget is split
 * over the promotion's parts (lines, then shipping methods) and the rest goes back to the ledger.
 */
function applyBudget(budget: number, ledger: Ledger, lines: number[], methods: number[]): void {
  const parts = [...lines, ...methods];
  const capped = capParts(parts, budget);
  if (capped === null) return;
  const lineCount = lines.length;
  for (let k = 0; k < parts.length; k += 1) {
    const givenBack = (parts[k] ?? 0) - (capped[k] ?? 0);
    if (givenBack === 0) continue;
    if (k < lineCount) {
      ledger.left[k] = (ledger.left[k] ?? 0) + givenBack;
      lines[k] = capped[k] ?? 0;
    } else {
      const m = k - lineCount;
      ledger.shippingLeft[m] = (ledger.shippingLeft[m] ?? 0) + givenBack;
      methods[m] = capped[k] ?? 0;
    }
  }
}

/**
 * Applies a promotion's qualifying rules on the ledger in the steps of README rule 20: each rule's reward is
 * computed from the original prices (independent) or from what the ones before left (cumulative), capped at
 * what is left on each line and shipping method, then at the rule's `maxDiscount` (rule 15); the next rule sees
 * what it left. Then the promotion's budget caps the whole (rule 19).
 */
export function applyPromotion(
  compiled: CompiledPromotion,
  rules: readonly Rule[],
  code: string | null,
  cart: PreparedCart,
  ledger: Ledger,
  settings: Settings,
): Application {
  const independent = settings.calculation === 'independent';
  const lineCount = cart.lines.length;
  const lines = zeros(lineCount);
  const methods = zeros(cart.shippingMethods.length);
  let total = 0;
  let gifts: GiftLine[] | null = null;
  for (const rule of rules) {
    // Rewards only read `base` and `left` before the ledger is updated, so cumulative pricing can pass `left` itself.
    const effect = applyReward(rule.reward, {
      cart,
      promotionId: compiled.promotion.id,
      conditions: rule.conditions,
      base: independent ? ledger.totals : ledger.left,
      left: ledger.left,
      shippingBase: independent ? ledger.shippingTotals : ledger.shippingLeft,
      shippingLeft: ledger.shippingLeft,
    });
    const maxDiscount = maxDiscountOf(rule.reward, rule.maxDiscount, cart);
    if (maxDiscount === null) {
      if (effect.lines !== null) total += takeCappedAtLeft(effect.lines, ledger.left, lines);
      if (effect.shipping !== null) total += takeCappedAtLeft(effect.shipping, ledger.shippingLeft, methods);
    } else if (effect.lines !== null || effect.shipping !== null) {
      // README rule 15: the parts u, one per line then one per shipping method, each capped at what is left.
      const parts = zeros(lineCount + methods.length);
      if (effect.lines !== null) capAtLeft(effect.lines, ledger.left, parts, 0);
      if (effect.shipping !== null) capAtLeft(effect.shipping, ledger.shippingLeft, parts, lineCount);
      total += take(capParts(parts, maxDiscount) ?? parts, ledger, lines, methods);
    }
    if (effect.gifts.length > 0) {
      gifts ??= [];
      for (const gift of effect.gifts) gifts.push(gift);
    }
  }
  const budget = compiled.promotion.limits.budgetRemaining;
  if (budget !== null && total > budget) {
    applyBudget(budget, ledger, lines, methods);
    total = budget;
  }
  let shipping = 0;
  for (const amount of methods) shipping += amount;
  return { compiled, rules, code, lines, shippingMethods: methods, shipping, gifts: gifts ?? NO_GIFTS, total };
}
