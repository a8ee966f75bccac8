import type { Reward } from '../model/promotion';
import { percentOf } from '../money/percent';
import type { RewardContext, RewardEffect } from './reward-context';
import { perCoveredMethod } from './shipping-match';

type ShippingPercent = Extract<Reward, { type: 'shippingPercent' }>;

/** P2: a percentage of each covered method's base, rounded half up per method (P8, README rule 12), never below 0. */
export function applyShippingPercent(reward: ShippingPercent, ctx: RewardContext): RewardEffect {
  return perCoveredMethod(ctx, reward.zones, reward.methods, (m) => percentOf(ctx.shippingBase[m] ?? 0, reward.basisPoints));
}
