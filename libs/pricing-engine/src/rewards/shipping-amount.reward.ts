import type { Reward } from '../model/promotion';
import { NO_EFFECT, type RewardContext, type RewardEffect } from './reward-context';
import { coversShipping } from './shipping-match';

type ShippingAmount = Extract<Reward, { type: 'shippingAmount' }>;

/** P2: an amount off shipping for the listed methods and zones, never below 0. */
export function applyShippingAmount(reward: ShippingAmount, ctx: RewardContext): RewardEffect {
  if (!coversShipping(ctx.cart.shipping, reward.zones, reward.methods)) return NO_EFFECT;
  return { lines: null, shipping: Math.min(reward.amount, ctx.shippingLeft), gifts: [] };
}
