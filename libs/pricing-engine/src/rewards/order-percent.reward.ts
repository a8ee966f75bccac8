import { percentOf } from '../money/percent';
import { readPercent } from '../validation/reward-fields';
import { type RewardContext, type RewardEffect, spreadOverLines, sumAt } from './reward-context';
import type { RewardDefinition } from './reward-definition';

/** P2: a percentage (basis points) off the order. */
export interface OrderPercent {
  readonly type: 'orderPercent';
  readonly basisPoints: number;
}

/** P2: a percentage of the reward lines' base total (README rule 10), rounded once (P8), allocated by what is left. */
export function applyOrderPercent(reward: OrderPercent, ctx: RewardContext): RewardEffect {
  return spreadOverLines(ctx, ctx.cart.rewardIndexes, percentOf(sumAt(ctx.base, ctx.cart.rewardIndexes), reward.basisPoints));
}

export const orderPercentReward: RewardDefinition<OrderPercent> = {
  type: 'orderPercent',
  parse(obj, path, errors) {
    const basisPoints = readPercent(obj, 'percent', path, errors);
    return basisPoints === undefined ? undefined : { type: 'orderPercent', basisPoints };
  },
  apply: applyOrderPercent,
};
