import type { PreparedCart } from '../cart/prepare-cart';
import type { Reward, Tier } from '../model/promotion';
import type { Missing } from '../reasons/reason';

type Tiered = Extract<Reward, { type: 'tiered' }>;

function basisValue(reward: Tiered, cart: PreparedCart): number {
  return reward.basis === 'subtotal' ? cart.conditionSubtotal : cart.conditionQuantity;
}

/** P2 tiered: the highest tier reached by the cart as given (the condition lines' subtotal or quantity, README rule 10), or null. */
export function reachedTier(reward: Tiered, cart: PreparedCart): Tier | null {
  const have = basisValue(reward, cart);
  let best: Tier | null = null;
  for (const tier of reward.tiers) {
    if (have >= tier.atLeast && (best === null || tier.atLeast >= best.atLeast)) best = tier;
  }
  return best;
}

/** What is missing to reach the lowest tier (P10). */
export function missingForLowestTier(reward: Tiered, cart: PreparedCart): Missing {
  const lowest = Math.min(...reward.tiers.map((tier) => tier.atLeast));
  const missing = Math.max(0, lowest - basisValue(reward, cart));
  return reward.basis === 'subtotal' ? { subtotal: missing } : { quantity: missing };
}
