import type { Reward } from '../model/promotion';
import { type RewardContext, type RewardEffect, spreadOverLines, sumAt } from './reward-context';

type FixedOrderTotal = Extract<Reward, { type: 'fixedOrderTotal' }>;

/**
 * README rule 14, "the order total becomes X": max(0, B − amount), B the reward lines' base (cumulative: what
 * is left; independent: their original totals), capped at what is left on them and allocated by what is left
 * (rule 4). Other lines and shipping are outside.
 */
export function applyFixedOrderTotal(reward: FixedOrderTotal, ctx: RewardContext): RewardEffect {
  const indexes = ctx.cart.rewardIndexes;
  return spreadOverLines(ctx, indexes, Math.max(0, sumAt(ctx.base, indexes) - reward.amount));
}
