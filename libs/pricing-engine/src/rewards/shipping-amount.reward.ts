import { fieldPath, readAmount } from '../validation/issues';
import { readShippingCover } from '../validation/reward-fields';
import type { RewardContext, RewardEffect } from './reward-context';
import type { RewardDefinition } from './reward-definition';
import { perCoveredMethod } from './shipping-match';

/** P2: `amount` (minor units) off each covered shipping method (README rule 12). */
export interface ShippingAmount {
  readonly type: 'shippingAmount';
  readonly amount: number;
  readonly zones: ReadonlySet<string> | null;
  readonly methods: ReadonlySet<string> | null;
}

/** P2: `amount` off each covered shipping method, never below 0; the amount is not split between methods (README rule 12). */
export function applyShippingAmount(reward: ShippingAmount, ctx: RewardContext): RewardEffect {
  return perCoveredMethod(ctx, reward.zones, reward.methods, () => reward.amount);
}

export const shippingAmountReward: RewardDefinition<ShippingAmount> = {
  type: 'shippingAmount',
  parse(obj, path, errors) {
    const amount = readAmount(obj, 'amount', path, errors);
    const cover = readShippingCover(obj, path, errors);
    return amount === undefined || cover === undefined ? undefined : { type: 'shippingAmount', amount, zones: cover.zones, methods: cover.methods };
  },
  apply: applyShippingAmount,
  amountFields: (_reward, path) => [fieldPath(path, 'amount')],
};
