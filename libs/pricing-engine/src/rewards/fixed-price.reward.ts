import { selectLines } from '../conditions/line-filter';
import type { Frequency, ItemSelector } from '../model/promotion';
import { allocate } from '../money/allocate';
import { fieldPath, readAmount, readInteger } from '../validation/issues';
import { parseItems } from '../validation/parse-filter';
import { readFrequency } from '../validation/reward-fields';
import { type RewardContext, type RewardEffect, type UnitRun, lineEffect, sortByUnitPrice, unitsValue, zeros } from './reward-context';
import { type RewardDefinition, shareItems } from './reward-definition';

/** P2: `quantity` matching units for `price` (minor units) a group. */
export interface FixedPrice {
  readonly type: 'fixedPrice';
  readonly quantity: number;
  readonly price: number;
  readonly items: ItemSelector;
  readonly frequency: Frequency;
}

/** Splits runs of units (most expensive first) into groups of `size` units. */
function groupUnits(ctx: RewardContext, indexes: readonly number[], size: number, maxGroups: number): UnitRun[][] {
  const groups: UnitRun[][] = [];
  let current: UnitRun[] = [];
  let inCurrent = 0;
  for (const index of sortByUnitPrice(ctx, indexes, 'mostExpensive')) {
    let available = ctx.cart.lines[index]?.quantity ?? 0;
    while (available > 0 && groups.length < maxGroups) {
      const take = Math.min(available, size - inCurrent);
      current.push({ index, count: take });
      inCurrent += take;
      available -= take;
      if (inCurrent === size) {
        groups.push(current);
        current = [];
        inCurrent = 0;
      }
    }
  }
  return groups;
}

/**
 * P2: N matching units for a set price ("any 3 pairs of socks for $12"). Groups take the most
 * expensive units first; a group worth less than the price gives 0; each group's discount is
 * split over its lines in proportion to their value (README rule 9).
 */
export function applyFixedPrice(reward: FixedPrice, ctx: RewardContext): RewardEffect {
  const indexes = selectLines(reward.items, ctx.cart);
  const maxGroups = reward.frequency === 'once' ? 1 : Number.MAX_SAFE_INTEGER;
  const lines = zeros(ctx);
  for (const group of groupUnits(ctx, indexes, reward.quantity, maxGroups)) {
    const values = group.map((run) => unitsValue(ctx, run.index, run.count));
    const groupValue = values.reduce((sum, value) => sum + value, 0);
    const discount = Math.max(0, groupValue - reward.price);
    allocate(discount, values).forEach((part, k) => {
      const run = group[k];
      if (run !== undefined) lines[run.index] = (lines[run.index] ?? 0) + part;
    });
  }
  return lineEffect(lines);
}

export const fixedPriceReward: RewardDefinition<FixedPrice> = {
  type: 'fixedPrice',
  parse(obj, path, errors) {
    const quantity = readInteger(obj, 'quantity', path, errors, { min: 1 });
    const price = readAmount(obj, 'price', path, errors);
    const items = parseItems(obj['items'], fieldPath(path, 'items'), errors);
    const frequency = readFrequency(obj, path, errors);
    if (quantity === undefined || price === undefined || items === undefined || frequency === undefined) return undefined;
    return { type: 'fixedPrice', quantity, price, items, frequency };
  },
  apply: applyFixedPrice,
  amountFields: (_reward, path) => [fieldPath(path, 'price')],
  shareParts: shareItems,
};
