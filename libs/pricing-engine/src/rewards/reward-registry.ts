import { assertNever } from '../assert-never';
import type { Reward } from '../model/promotion';
import { applyBuyXGetY } from './buy-x-get-y.reward';
import { applyFixedOrderTotal } from './fixed-order-total.reward';
import { applyFixedPrice } from './fixed-price.reward';
import { applyFreeShipping } from './free-shipping.reward';
import { applyGift } from './gift.reward';
import { applyItemsAmount } from './items-amount.reward';
import { applyItemsPercent } from './items-percent.reward';
import { applyLinesAmount } from './lines-amount.reward';
import { applyOrderAmount } from './order-amount.reward';
import { applyOrderPercent } from './order-percent.reward';
import { NO_EFFECT, type RewardContext, type RewardEffect } from './reward-context';
import { applyShippingAmount } from './shipping-amount.reward';
import { applyShippingPercent } from './shipping-percent.reward';
import { reachedTier } from './tiered.reward';

/** Computes what a reward gives on the context, keyed by reward type (Vendure-style registry). */
export function applyReward(reward: Reward, ctx: RewardContext): RewardEffect {
  switch (reward.type) {
    case 'orderPercent':
      return applyOrderPercent(reward, ctx);
    case 'orderAmount':
      return applyOrderAmount(reward, ctx);
    case 'itemsPercent':
      return applyItemsPercent(reward, ctx);
    case 'itemsAmount':
      return applyItemsAmount(reward, ctx);
    case 'linesAmount':
      return applyLinesAmount(reward, ctx);
    case 'fixedOrderTotal':
      return applyFixedOrderTotal(reward, ctx);
    case 'freeShipping':
      return applyFreeShipping(reward, ctx);
    case 'shippingAmount':
      return applyShippingAmount(reward, ctx);
    case 'shippingPercent':
      return applyShippingPercent(reward, ctx);
    case 'gift':
      return applyGift(reward, ctx);
    case 'fixedPrice':
      return applyFixedPrice(reward, ctx);
    case 'buyXgetY':
      return applyBuyXGetY(reward, ctx);
    case 'tiered': {
      const tier = reachedTier(reward, ctx.cart);
      return tier === null ? NO_EFFECT : applyReward(tier.reward, ctx);
    }
    default:
      return assertNever(reward);
  }
}
