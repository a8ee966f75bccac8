import { fieldPath, readAmount } from '../validation/issues';
import { type RewardContext, type RewardEffect, spreadOverLines } from './reward-context';
import type { RewardDefinition } from './reward-definition';

/** P2: an amount (minor units) off the order. */
export interface OrderAmount {
  readonly type: 'orderAmount';
  readonly amount: number;
}

/** P2: a fixed amount off the order, allocated over the reward lines (README rule 10), never below zero. */
export function applyOrderAmount(reward: OrderAmount, ctx: RewardContext): RewardEffect {
  return spreadOverLines(ctx, ctx.cart.rewardIndexes, reward.amount);
}

export const orderAmountReward: RewardDefinition<OrderAmount> = {
  type: 'orderAmount',
  parse(obj, path, errors) {
    const amount = readAmount(obj, 'amount', path, errors);
    return amount === undefined ? undefined : { type: 'orderAmount', amount };
  },
  apply: applyOrderAmount,
  amountFields: (_reward, path) => [fieldPath(path, 'amount')],
};
