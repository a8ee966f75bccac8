import type { Reward } from '../model/promotion';
import { type RewardContext, type RewardEffect, spreadOverLines } from './reward-context';

type OrderAmount = Extract<Reward, { type: 'orderAmount' }>;

/** P2: a fixed amount off the order, allocated over the reward lines (README rule 10), never below zero. */
export function applyOrderAmount(reward: OrderAmount, ctx: RewardContext): RewardEffect {
  return spreadOverLines(ctx, ctx.cart.rewardIndexes, reward.amount);
}
