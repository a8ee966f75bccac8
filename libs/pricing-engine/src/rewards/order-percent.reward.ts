import type { Reward } from '../model/promotion';
import { percentOf } from '../money/percent';
import { type RewardContext, type RewardEffect, spreadOverLines, sumAt } from './reward-context';

type OrderPercent = Extract<Reward, { type: 'orderPercent' }>;

/** P2: a percentage of the reward lines' base total (README rule 10), rounded once (P8), allocated by what is left. */
export function applyOrderPercent(reward: OrderPercent, ctx: RewardContext): RewardEffect {
  return spreadOverLines(ctx, ctx.cart.rewardIndexes, percentOf(sumAt(ctx.base, ctx.cart.rewardIndexes), reward.basisPoints));
}
