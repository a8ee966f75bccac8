import type { PreparedCart } from '../cart/prepare-cart';
import type { Rule } from '../model/promotion';
import type { GiftLine } from '../model/result';
import type { Settings } from '../model/settings';
import { applyReward } from '../rewards/reward-registry';
import { zeros } from '../zeros';
import type { CompiledPromotion } from './compiled-promotion';

/** What is left to discount, per line and on shipping, during one pricing call. */
export interface Ledger {
  readonly left: number[];
  shippingLeft: number;
  /** Per line, its total before any discount: the base of independent calculation. */
  readonly totals: readonly number[];
}

/** One promotion as applied: its discount per line, on shipping, and its gifts. */
export interface Application {
  readonly compiled: CompiledPromotion;
  readonly rules: readonly Rule[];
  /** The code that brought it, as entered; null for an automatic promotion. */
  readonly code: string | null;
  readonly lines: readonly number[];
  readonly shipping: number;
  readonly gifts: readonly GiftLine[];
  /** Lines plus shipping, minor units. */
  readonly total: number;
}

const NO_GIFTS: readonly GiftLine[] = Object.freeze([]);

export function newLedger(cart: PreparedCart): Ledger {
  const totals = cart.lines.map((line) => line.total);
  return { left: totals.slice(), shippingLeft: cart.shipping?.amount ?? 0, totals };
}

/**
 * Applies a promotion's qualifying rules on the ledger (P9): each reward is computed from the
 * original prices (independent) or from what the ones before left (cumulative), then capped at
 * what is left so nothing goes below zero (P7).
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
  const { left } = ledger;
  const lines = zeros(cart.lines.length);
  let shipping = 0;
  let total = 0;
  let gifts: GiftLine[] | null = null;
  for (const rule of rules) {
    // Rewards only read `base` and `left` before the ledger is updated, so cumulative pricing can pass `left` itself.
    const effect = applyReward(rule.reward, {
      cart,
      promotionId: compiled.promotion.id,
      conditions: rule.conditions,
      base: independent ? ledger.totals : left,
      left,
      shippingBase: independent ? (cart.shipping?.amount ?? 0) : ledger.shippingLeft,
      shippingLeft: ledger.shippingLeft,
    });
    const effectLines = effect.lines;
    if (effectLines !== null) {
      for (let i = 0; i < effectLines.length; i += 1) {
        const leftOnLine = left[i] ?? 0;
        const taken = Math.max(0, Math.min(effectLines[i] ?? 0, leftOnLine));
        if (taken === 0) continue;
        left[i] = leftOnLine - taken;
        lines[i] = (lines[i] ?? 0) + taken;
        total += taken;
      }
    }
    const shippingTaken = Math.max(0, Math.min(effect.shipping, ledger.shippingLeft));
    ledger.shippingLeft -= shippingTaken;
    shipping += shippingTaken;
    total += shippingTaken;
    if (effect.gifts.length > 0) {
      gifts ??= [];
      for (const gift of effect.gifts) gifts.push(gift);
    }
  }
  return { compiled, rules, code, lines, shipping, gifts: gifts ?? NO_GIFTS, total };
}
