import { assertNever } from '../assert-never';
import { timesConditionMet } from '../conditions/condition-registry';
import { selectLines } from '../conditions/line-filter';
import type { ApplyTo, Frequency, ItemSelector } from '../model/promotion';
import { BASIS_POINTS_PER_WHOLE, percentOf } from '../money/percent';
import { mulDivHalfUp } from '../money/round-half-up';
import { parseItemsReward, readPercent } from '../validation/reward-fields';
import { type RewardContext, type RewardEffect, lineEffect, pickUnits, spreadOverLines, unitsValue, zeros } from './reward-context';
import { type RewardDefinition, shareItems } from './reward-definition';

/** P2: a percentage (basis points) off matching items. */
export interface ItemsPercent {
  readonly type: 'itemsPercent';
  readonly frequency: Frequency;
  readonly basisPoints: number;
  readonly items: ItemSelector;
  readonly applyTo: ApplyTo;
  readonly maxQuantityPerLine: number | null;
}

/** The percentage of `count` of a line's units, rounded half up once for the line (README rule 3). */
function percentOfUnits(ctx: RewardContext, index: number, count: number, basisPoints: number): number {
  const quantity = ctx.cart.lines[index]?.quantity ?? 1;
  return mulDivHalfUp(ctx.base[index] ?? 0, Math.min(count, quantity) * basisPoints, quantity * BASIS_POINTS_PER_WHOLE);
}

/**
 * P2: a percentage off matching items: each line, spread over them, or the N cheapest / most
 * expensive units. `unlimited` takes N units per time the condition is met (as a gift does,
 * README rule 9); `each` and `spread` already take every matching unit, whatever the frequency.
 */
export function applyItemsPercent(reward: ItemsPercent, ctx: RewardContext): RewardEffect {
  const indexes = selectLines(reward.items, ctx.cart);
  const perLine = (index: number): number => Math.min(ctx.cart.lines[index]?.quantity ?? 0, reward.maxQuantityPerLine ?? Number.MAX_SAFE_INTEGER);
  switch (reward.applyTo.kind) {
    case 'each': {
      const lines = zeros(ctx);
      for (const index of indexes) lines[index] = percentOfUnits(ctx, index, perLine(index), reward.basisPoints);
      return lineEffect(lines);
    }
    case 'spread': {
      let baseTotal = 0;
      for (const index of indexes) baseTotal += unitsValue(ctx, index, perLine(index));
      return spreadOverLines(ctx, indexes, percentOf(baseTotal, reward.basisPoints));
    }
    case 'cheapest':
    case 'mostExpensive': {
      const lines = zeros(ctx);
      const times = reward.frequency === 'unlimited' ? timesConditionMet(ctx.conditions, ctx.cart) : 1;
      for (const run of pickUnits(ctx, indexes, reward.applyTo.kind, reward.applyTo.count * times)) {
        lines[run.index] = percentOfUnits(ctx, run.index, run.count, reward.basisPoints);
      }
      return lineEffect(lines);
    }
    default:
      return assertNever(reward.applyTo);
  }
}

export const itemsPercentReward: RewardDefinition<ItemsPercent> = {
  type: 'itemsPercent',
  parse(obj, path, errors) {
    const basisPoints = readPercent(obj, 'percent', path, errors);
    const rest = parseItemsReward(obj, path, errors);
    if (basisPoints === undefined || rest === undefined) return undefined;
    // Every field written out, not spread: the index holds 100,000s of these, and a literal keeps them compact.
    return { type: 'itemsPercent', basisPoints, items: rest.items, applyTo: rest.applyTo, maxQuantityPerLine: rest.maxQuantityPerLine, frequency: rest.frequency };
  },
  apply: applyItemsPercent,
  shareParts: shareItems,
};
