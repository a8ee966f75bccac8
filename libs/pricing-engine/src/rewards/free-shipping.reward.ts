import type { Reward } from '../model/promotion';
import type { RewardContext, RewardEffect } from './reward-context';
import { perCoveredMethod } from './shipping-match';

type FreeShipping = Extract<Reward, { type: 'freeShipping' }>;

/** P2: every covered shipping method becomes 0 (README rule 12: all that is left on it). */
export function applyFreeShipping(reward: FreeShipping, ctx: RewardContext): RewardEffect {
  return perCoveredMethod(ctx, reward.zones, reward.methods, (m) => ctx.shippingLeft[m] ?? 0);
}
