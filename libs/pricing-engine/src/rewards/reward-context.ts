import type { PreparedCart } from '../cart/prepare-cart';
import type { GiftLine } from '../model/result';
import type { Condition } from '../model/promotion';
import { allocate } from '../money/allocate';
import { mulDivFloor } from '../money/mul-div-floor';
import { zeros as zerosOf } from '../zeros';

/** What a reward sees (P9): `base` is the original line totals (independent) or what is left (cumulative). */
export interface RewardContext {
  readonly cart: PreparedCart;
  readonly promotionId: string;
  /** The conditions of the rule this reward belongs to (unlimited gifts count them). */
  readonly conditions: Condition;
  /** Per line (canonical order), the amount the discount is computed from. */
  readonly base: readonly number[];
  /** Per line, what is left to discount; no line goes below zero. */
  readonly left: readonly number[];
  /** Per shipping method (README rule 12), the amount a shipping discount is computed from. */
  readonly shippingBase: readonly number[];
  /** Per shipping method, what is left to discount. */
  readonly shippingLeft: readonly number[];
}

/** What a reward gives: per-line and per-shipping-method discounts (capped later at what is left), gifts. */
export interface RewardEffect {
  readonly lines: readonly number[] | null;
  readonly shipping: readonly number[] | null;
  readonly gifts: readonly GiftLine[];
}

export const NO_EFFECT: RewardEffect = { lines: null, shipping: null, gifts: [] };

export function lineEffect(lines: readonly number[]): RewardEffect {
  return { lines, shipping: null, gifts: [] };
}

/** A zeroed per-line array for the cart. */
export function zeros(ctx: RewardContext): number[] {
  return zerosOf(ctx.cart.lines.length);
}

export function sumAt(values: readonly number[], indexes: readonly number[]): number {
  let sum = 0;
  for (const i of indexes) sum += values[i] ?? 0;
  return sum;
}

/**
 * Spreads `amount` over the lines at `indexes` in proportion to what is left on each
 * (README rule 4), capped at the total left so no line goes below zero.
 */
export function spreadOverLines(ctx: RewardContext, indexes: readonly number[], amount: number): RewardEffect {
  const weights: number[] = [];
  for (const i of indexes) weights.push(ctx.left[i] ?? 0);
  const capped = Math.min(amount, sumAt(ctx.left, indexes));
  const parts = allocate(capped, weights);
  const lines = zeros(ctx);
  for (let k = 0; k < indexes.length; k += 1) {
    const lineIndex = indexes[k];
    if (lineIndex !== undefined) lines[lineIndex] = parts[k] ?? 0;
  }
  return lineEffect(lines);
}

/** A unit run: `count` units of the line at `index`. */
export interface UnitRun {
  readonly index: number;
  readonly count: number;
}

/**
 * The first `limit` units of the lines at `indexes` ordered by unit price (ascending for
 * cheapest, descending for most expensive), ties by line order (README rule 9).
 */
export function pickUnits(ctx: RewardContext, indexes: readonly number[], order: 'cheapest' | 'mostExpensive', limit: number): UnitRun[] {
  const sorted = sortByUnitPrice(ctx, indexes, order);
  const runs: UnitRun[] = [];
  let remaining = limit;
  for (const index of sorted) {
    if (remaining <= 0) break;
    const count = Math.min(remaining, ctx.cart.lines[index]?.quantity ?? 0);
    if (count > 0) runs.push({ index, count });
    remaining -= count;
  }
  return runs;
}

/** Up to this many lines, an insertion sort beats Array.prototype.sort and its comparator calls. */
const INSERTION_SORT_MAX = 16;

export function sortByUnitPrice(ctx: RewardContext, indexes: readonly number[], order: 'cheapest' | 'mostExpensive'): number[] {
  const sign = order === 'cheapest' ? 1 : -1;
  const { lines } = ctx.cart;
  const compare = (a: number, b: number): number => sign * ((lines[a]?.unitPrice ?? 0) - (lines[b]?.unitPrice ?? 0)) || a - b;
  const sorted = indexes.slice();
  if (sorted.length > INSERTION_SORT_MAX) return sorted.sort(compare);
  // Line indexes are distinct, so the order is total and any correct sort gives the same result.
  for (let i = 1; i < sorted.length; i += 1) {
    const index = sorted[i] ?? 0;
    let j = i - 1;
    for (; j >= 0 && compare(sorted[j] ?? 0, index) > 0; j -= 1) sorted[j + 1] = sorted[j] ?? 0;
    sorted[j + 1] = index;
  }
  return sorted;
}

/** Value of `count` of the line's units at its base (their share of the line base), rounded down: never more than that share. */
export function unitsValue(ctx: RewardContext, index: number, count: number): number {
  const quantity = ctx.cart.lines[index]?.quantity ?? 1;
  const base = ctx.base[index] ?? 0;
  if (count >= quantity) return base;
  return mulDivFloor(base, count, quantity);
}
