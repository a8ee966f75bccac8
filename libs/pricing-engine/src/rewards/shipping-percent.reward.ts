import { percentOf } from '../money/percent';
import { readPercent, readShippingCover } from '../validation/reward-fields';
import type { RewardContext, RewardEffect } from './reward-context';
import type { RewardDefinition } from './reward-definition';
import { perCoveredMethod } from './shipping-match';

/** P2: a percentage (basis points) off each covered shipping method (README rule 12). */
export interface ShippingPercent {
  readonly type: 'shippingPercent';
  readonly basisPoints: number;
  readonly zones: ReadonlySet<string> | null;
  readonly methods: ReadonlySet<string> | null;
}

/** P2: a percentage of each covered method's base, rounded half up per method (P8, README rule 12), never below 0. */
export function applyShippingPercent(reward: ShippingPercent, ctx: RewardContext): RewardEffect {
  return perCoveredMethod(ctx, reward.zones, reward.methods, (m) => percentOf(ctx.shippingBase[m] ?? 0, reward.basisPoints));
}

export const shippingPercentReward: RewardDefinition<ShippingPercent> = {
  type: 'shippingPercent',
  parse(obj, path, errors) {
    const basisPoints = readPercent(obj, 'percent', path, errors);
    const cover = readShippingCover(obj, path, errors);
    return basisPoints === undefined || cover === undefined ? undefined : { type: 'shippingPercent', basisPoints, zones: cover.zones, methods: cover.methods };
  },
  apply: applyShippingPercent,
};
