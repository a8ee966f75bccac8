import { selectConditionLines, selectLines } from '../conditions/line-filter';
import type { Reward } from '../model/promotion';
import { BASIS_POINTS_PER_WHOLE } from '../money/percent';
import { mulDivHalfUp } from '../money/round-half-up';
import { type RewardContext, type RewardEffect, lineEffect, sortByUnitPrice, unitsValue, zeros } from './reward-context';

type BuyXGetY = Extract<Reward, { type: 'buyXgetY' }>;

/**
 * P2 buy X get Y / BOGO (README rule 9): order the units matching `get.items` by `pick`;
 * the given units are the first `get.quantity` of them that still leave `buy.quantity`
 * units matching `buy.items`; the bought units are the most expensive of those remaining.
 * A round gives exactly `get.quantity` units or nothing, and a round that cannot ends the
 * reward. `unlimited` repeats on the units not yet used. Units bought are never also given.
 */
export function applyBuyXGetY(reward: BuyXGetY, ctx: RewardContext): RewardEffect {
  const lines = ctx.cart.lines;
  const available = lines.map((line) => line.quantity);
  // README rule 10: a line that is not discountable may still be bought (a condition line), never given.
  const buyIndexes = selectConditionLines(reward.buy.items, ctx.cart);
  const isBuy = lines.map(() => false);
  for (const index of buyIndexes) isBuy[index] = true;
  const getOrder = sortByUnitPrice(ctx, selectLines(reward.get.items, ctx.cart), reward.pick);
  const buyOrder = sortByUnitPrice(ctx, buyIndexes, 'mostExpensive');
  const given = zeros(ctx);
  // README rule 16: `once` is one round; `unlimited` stops after `maxRounds` rounds when it has one.
  const maxRounds = reward.frequency === 'once' ? 1 : (reward.maxRounds ?? Number.MAX_SAFE_INTEGER);

  for (let round = 0; round < maxRounds; round += 1) {
    let buyAvailable = 0;
    for (const index of buyOrder) buyAvailable += available[index] ?? 0;
    // Choose the given units, keeping enough buy units.
    const round = zeros(ctx);
    let toGive = reward.get.quantity;
    let buyUsedByGift = 0;
    for (const index of getOrder) {
      if (toGive === 0) break;
      let take = Math.min(toGive, available[index] ?? 0);
      if (isBuy[index] === true) take = Math.min(take, Math.max(0, buyAvailable - buyUsedByGift - reward.buy.quantity));
      if (take <= 0) continue;
      round[index] = (round[index] ?? 0) + take;
      toGive -= take;
      if (isBuy[index] === true) buyUsedByGift += take;
    }
    if (toGive > 0 || buyAvailable - buyUsedByGift < reward.buy.quantity) break;
    // Mark the given units and the bought ones (most expensive remaining buy units) as used.
    round.forEach((count, index) => {
      available[index] = (available[index] ?? 0) - count;
      given[index] = (given[index] ?? 0) + count;
    });
    let toBuy = reward.buy.quantity;
    for (const index of buyOrder) {
      if (toBuy === 0) break;
      const take = Math.min(toBuy, available[index] ?? 0);
      available[index] = (available[index] ?? 0) - take;
      toBuy -= take;
    }
  }

  const discounts = zeros(ctx);
  given.forEach((count, index) => {
    if (count === 0) return;
    const value = reward.get.value;
    const quantity = lines[index]?.quantity ?? 1;
    discounts[index] = value.kind === 'percent'
      ? mulDivHalfUp(ctx.base[index] ?? 0, count * value.basisPoints, quantity * BASIS_POINTS_PER_WHOLE)
      : Math.min(value.amount * count, unitsValue(ctx, index, count));
  });
  return lineEffect(discounts);
}
