import type { PreparedShippingMethod } from '../cart/prepare-cart';
import { zeros as zerosOf } from '../zeros';
import { NO_EFFECT, type RewardContext, type RewardEffect } from './reward-context';

/** Whether a shipping reward covers a method (README rule 12): its zone and method listed, null meaning all. */
export function coversShipping(shipping: PreparedShippingMethod, zones: ReadonlySet<string> | null, methods: ReadonlySet<string> | null): boolean {
  if (zones !== null && (shipping.zone === null || !zones.has(shipping.zone))) return false;
  if (methods !== null && (shipping.method === null || !methods.has(shipping.method))) return false;
  return true;
}

/**
 * A shipping reward's effect (README rule 12): on every method it covers, in the cart's order, what `takeOff`
 * gives for that method (its index), capped at what is left on it; nothing on the other methods.
 */
export function perCoveredMethod(
  ctx: RewardContext,
  zones: ReadonlySet<string> | null,
  methods: ReadonlySet<string> | null,
  takeOff: (method: number) => number,
): RewardEffect {
  const shipping = zerosOf(ctx.cart.shippingMethods.length);
  let covered = false;
  ctx.cart.shippingMethods.forEach((method, m) => {
    if (!coversShipping(method, zones, methods)) return;
    covered = true;
    shipping[m] = Math.min(takeOff(m), ctx.shippingLeft[m] ?? 0);
  });
  return covered ? { lines: null, shipping, gifts: [] } : NO_EFFECT;
}
