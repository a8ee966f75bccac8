import { readShippingCover } from '../validation/reward-fields';
import type { RewardContext, RewardEffect } from './reward-context';
import type { RewardDefinition } from './reward-definition';
import { perCoveredMethod } from './shipping-match';

/** P2: shipping free on the methods of `zones` and `methods` (null = every one, README rule 12). */
export interface FreeShipping {
  readonly type: 'freeShipping';
  readonly zones: ReadonlySet<string> | null;
  readonly methods: ReadonlySet<string> | null;
}

/** P2: every covered shipping method becomes 0 (README rule 12: all that is left on it). */
export function applyFreeShipping(reward: FreeShipping, ctx: RewardContext): RewardEffect {
  return perCoveredMethod(ctx, reward.zones, reward.methods, (m) => ctx.shippingLeft[m] ?? 0);
}

export const freeShippingReward: RewardDefinition<FreeShipping> = {
  type: 'freeShipping',
  parse(obj, path, errors) {
    const cover = readShippingCover(obj, path, errors);
    return cover === undefined ? undefined : { type: 'freeShipping', zones: cover.zones, methods: cover.methods };
  },
  apply: applyFreeShipping,
};
