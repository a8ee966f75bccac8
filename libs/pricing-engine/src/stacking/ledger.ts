import type { PreparedCart } from '../cart/prepare-cart';
import type { Rule } from '../model/promotion';
import type { GiftLine } from '../model/result';
import type { Settings } from '../model/settings';
import { applyReward } from '../rewards/reward-registry';
import type { CompiledPromotion } from './compiled-promotion';

/** What is left to discount, per line and on shipping, during one pricing call. */
export interface Ledger {
  readonly left: number[];
  shippingLeft: number;
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

export function newLedger(cart: PreparedCart): Ledger {
  return { left: cart.lines.map((line) => line.total), shippingLeft: cart.shipping?.amount ?? 0 };
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
  const lines = new Array<number>(cart.lines.length).fill(0);
  let shipping = 0;
  const gifts: GiftLine[] = [];
  for (const rule of rules) {
    const effect = applyReward(rule.reward, {
      cart,
      promotionId: compiled.promotion.id,
      conditions: rule.conditions,
      base: independent ? cart.lines.map((line) => line.total) : [...ledger.left],
      left: ledger.left,
      shippingBase: independent ? (cart.shipping?.amount ?? 0) : ledger.shippingLeft,
      shippingLeft: ledger.shippingLeft,
    });
    if (effect.lines !== null) {
      effect.lines.forEach((amount, i) => {
        const taken = Math.max(0, Math.min(amount, ledger.left[i] ?? 0));
        if (taken === 0) return;
        ledger.left[i] = (ledger.left[i] ?? 0) - taken;
        lines[i] = (lines[i] ?? 0) + taken;
      });
    }
    const shippingTaken = Math.max(0, Math.min(effect.shipping, ledger.shippingLeft));
    ledger.shippingLeft -= shippingTaken;
    shipping += shippingTaken;
    gifts.push(...effect.gifts);
  }
  const total = lines.reduce((sum, amount) => sum + amount, shipping);
  return { compiled, rules, code, lines, shipping, gifts, total };
}
