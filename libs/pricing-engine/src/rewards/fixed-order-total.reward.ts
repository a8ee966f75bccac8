import { readAmount } from '../validation/issues';
import { type RewardContext, type RewardEffect, spreadOverLines, sumAt } from './reward-context';
import type { RewardDefinition } from './reward-definition';

/** README rule 14: the reward lines' base total becomes `amount` (minor units). */
export interface FixedOrderTotal {
  readonly type: 'fixedOrderTotal';
  readonly amount: number;
}

/**
 * README rule 14, "the order total becomes X": max(0, B − amount), B the reward lines' base (cumulative: what
 * is left; independent: their original totals), capped at what is left on them and allocated by what is left
 * (rule 4). Other lines and shipping are outside.
 */
export function applyFixedOrderTotal(reward: FixedOrderTotal, ctx: RewardContext): RewardEffect {
  const indexes = ctx.cart.rewardIndexes;
  return spreadOverLines(ctx, indexes, Math.max(0, sumAt(ctx.base, indexes) - reward.amount));
}

export const fixedOrderTotalReward: RewardDefinition<FixedOrderTotal> = {
  type: 'fixedOrderTotal',
  version2AmountKeys: ['amount'],
  parse(obj, path, errors) {
    const amount = readAmount(obj, 'amount', path, errors);
    return amount === undefined ? undefined : { type: 'fixedOrderTotal', amount };
  },
  apply: applyFixedOrderTotal,
};
