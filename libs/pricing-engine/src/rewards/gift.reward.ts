import { timesConditionMet } from '../conditions/condition-registry';
import type { Reward } from '../model/promotion';
import type { RewardContext, RewardEffect } from './reward-context';

type Gift = Extract<Reward, { type: 'gift' }>;

/**
 * P2: a gift line added free of charge; `unlimited` gives it once per time the condition is
 * met (README rule 9). Gifts are not in the subtotal or the discounts.
 */
export function applyGift(reward: Gift, ctx: RewardContext): RewardEffect {
  const times = reward.frequency === 'unlimited' ? timesConditionMet(ctx.conditions, ctx.cart) : 1;
  return { lines: null, shipping: null, gifts: [{ promotionId: ctx.promotionId, sku: reward.sku, quantity: reward.quantity * times }] };
}
