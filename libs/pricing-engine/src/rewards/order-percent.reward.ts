import type { Reward } from '../model/promotion';
import { percentOf } from '../money/percent';
import { type RewardContext, type RewardEffect, spreadOverLines, sumAt } from './reward-context';

type OrderPercent = Extract<Reward, { type: 'orderPercent' }>;

/** P2: a percentage of the qualifying lines' base total, rounded once (P8), allocated by what is left. */
export function applyOrderPercent(reward: OrderPercent, ctx: RewardContext): RewardEffect {
  return spreadOverLines(ctx, ctx.cart.qualifyingIndexes, percentOf(sumAt(ctx.base, ctx.cart.qualifyingIndexes), reward.basisPoints));
}
