import type { Reward } from '../model/promotion';
import { type RewardContext, type RewardEffect, spreadOverLines } from './reward-context';

type OrderAmount = Extract<Reward, { type: 'orderAmount' }>;

/** P2: a fixed amount off the order, allocated over the qualifying lines, never below zero. */
export function applyOrderAmount(reward: OrderAmount, ctx: RewardContext): RewardEffect {
  return spreadOverLines(ctx, ctx.cart.qualifyingIndexes, reward.amount);
}
