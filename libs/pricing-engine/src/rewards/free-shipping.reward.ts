import type { Reward } from '../model/promotion';
import { NO_EFFECT, type RewardContext, type RewardEffect } from './reward-context';
import { coversShipping } from './shipping-match';

type FreeShipping = Extract<Reward, { type: 'freeShipping' }>;

/** P2: shipping becomes 0 in the listed zones (null = all zones). */
export function applyFreeShipping(reward: FreeShipping, ctx: RewardContext): RewardEffect {
  if (!coversShipping(ctx.cart.shipping, reward.zones, reward.methods)) return NO_EFFECT;
  return { lines: null, shipping: ctx.shippingLeft, gifts: [] };
}
