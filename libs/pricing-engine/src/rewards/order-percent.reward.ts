import type { Reward } from '../model/promotion';
import { percentOf } from '../money/percent';
import { type RewardContext, type RewardEffect, spreadOverLines, sumAt } from './reward-context';

type OrderPercent = Extract<Reward, { type: 'orderPercent' }>;

/** P2: a percentage of the qualifying lines' base total, rounded once (P8), allocated by what is left. */
export function applyOrderPercent(reward: OrderPercent, ctx: RewardContext): RewardEffect {
  const indexes = ctx.cart.lines.filter((line) => line.qualifies).map((line) => line.index);
  return spreadOverLines(ctx, indexes, percentOf(sumAt(ctx.base, indexes), reward.basisPoints));
}
