import { timesConditionMet } from '../conditions/condition-registry';
import type { Frequency } from '../model/promotion';
import { readInteger, readString } from '../validation/issues';
import { readFrequency } from '../validation/reward-fields';
import type { RewardContext, RewardEffect } from './reward-context';
import type { RewardDefinition } from './reward-definition';

/** P2: a gift line of `quantity` units of `sku`, free of charge. */
export interface Gift {
  readonly type: 'gift';
  readonly sku: string;
  readonly productId: string | null;
  readonly quantity: number;
  readonly frequency: Frequency;
}

/**
 * P2: a gift line added free of charge; `unlimited` gives it once per time the condition is
 * met (README rule 9). Gifts are not in the subtotal or the discounts.
 */
export function applyGift(reward: Gift, ctx: RewardContext): RewardEffect {
  const times = reward.frequency === 'unlimited' ? timesConditionMet(ctx.conditions, ctx.cart) : 1;
  return { lines: null, shipping: null, gifts: [{ promotionId: ctx.promotionId, sku: reward.sku, quantity: reward.quantity * times }] };
}

export const giftReward: RewardDefinition<Gift> = {
  type: 'gift',
  // README rule 15: a gift is not a discount, so there is nothing to cap.
  maxDiscountRefusal: 'maxDiscount caps a discount; a gift reward takes none.',
  parse(obj, path, errors) {
    const sku = readString(obj, 'sku', path, errors);
    const productId = readString(obj, 'productId', path, errors, { required: false }) ?? null;
    const quantity = obj['quantity'] === undefined ? 1 : readInteger(obj, 'quantity', path, errors, { min: 1 });
    const frequency = readFrequency(obj, path, errors);
    if (sku === undefined || quantity === undefined || frequency === undefined) return undefined;
    return { type: 'gift', sku, productId, quantity, frequency };
  },
  apply: applyGift,
};
