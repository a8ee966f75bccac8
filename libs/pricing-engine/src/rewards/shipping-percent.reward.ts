import type { Reward } from '../model/promotion';
import { percentOf } from '../money/percent';
import { NO_EFFECT, type RewardContext, type RewardEffect } from './reward-context';
import { coversShipping } from './shipping-match';

type ShippingPercent = Extract<Reward, { type: 'shippingPercent' }>;

/** P2: a percentage off shipping (rounded half up, P8) for the listed methods and zones, never below 0. */
export function applyShippingPercent(reward: ShippingPercent, ctx: RewardContext): RewardEffect {
  if (!coversShipping(ctx.cart.shipping, reward.zones, reward.methods)) return NO_EFFECT;
  return { lines: null, shipping: Math.min(percentOf(ctx.shippingBase, reward.basisPoints), ctx.shippingLeft), gifts: [] };
}
