import type { Reward } from '../model/promotion';
import type { RewardContext, RewardEffect } from './reward-context';
import { perCoveredMethod } from './shipping-match';

type ShippingAmount = Extract<Reward, { type: 'shippingAmount' }>;

/** P2: `amount` off each covered shipping method, never below 0; the amount is not split between methods (README rule 12). */
export function applyShippingAmount(reward: ShippingAmount, ctx: RewardContext): RewardEffect {
  return perCoveredMethod(ctx, reward.zones, reward.methods, () => reward.amount);
}
