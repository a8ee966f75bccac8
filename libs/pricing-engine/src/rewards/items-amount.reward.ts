import { assertNever } from '../assert-never';
import { timesConditionMet } from '../conditions/condition-registry';
import { selectLines } from '../conditions/line-filter';
import type { ApplyTo, Frequency, ItemSelector } from '../model/promotion';
import { fieldPath, readAmount } from '../validation/issues';
import { parseItemsReward } from '../validation/reward-fields';
import { type RewardContext, type RewardEffect, lineEffect, pickUnits, spreadOverLines, unitsValue, zeros } from './reward-context';
import { type RewardDefinition, shareItems } from './reward-definition';

/** P2: an amount (minor units) off matching items. */
export interface ItemsAmount {
  readonly type: 'itemsAmount';
  readonly frequency: Frequency;
  readonly amount: number;
  readonly items: ItemSelector;
  readonly applyTo: ApplyTo;
  readonly maxQuantityPerLine: number | null;
}

/** `amount` off each of `count` units of a line, each unit capped at its value. */
function amountOffUnits(ctx: RewardContext, index: number, count: number, amount: number): number {
  return Math.min(amount * count, unitsValue(ctx, index, count));
}

/**
 * P2: a fixed amount off matching items: off every unit (capped at its price), spread over them,
 * or off each of the N cheapest / most expensive units. `unlimited` repeats the spread amount or
 * the N units once per time the condition is met (as a gift does, README rule 9); `each` already
 * takes every matching unit, whatever the frequency.
 */
export function applyItemsAmount(reward: ItemsAmount, ctx: RewardContext): RewardEffect {
  const indexes = selectLines(reward.items, ctx.cart);
  const times = reward.frequency === 'unlimited' ? timesConditionMet(ctx.conditions, ctx.cart) : 1;
  switch (reward.applyTo.kind) {
    case 'each': {
      const lines = zeros(ctx);
      for (const index of indexes) {
        const units = Math.min(ctx.cart.lines[index]?.quantity ?? 0, reward.maxQuantityPerLine ?? Number.MAX_SAFE_INTEGER);
        lines[index] = amountOffUnits(ctx, index, units, reward.amount);
      }
      return lineEffect(lines);
    }
    case 'spread':
      return spreadOverLines(ctx, indexes, reward.amount * times);
    case 'cheapest':
    case 'mostExpensive': {
      const lines = zeros(ctx);
      for (const run of pickUnits(ctx, indexes, reward.applyTo.kind, reward.applyTo.count * times)) {
        lines[run.index] = amountOffUnits(ctx, run.index, run.count, reward.amount);
      }
      return lineEffect(lines);
    }
    default:
      return assertNever(reward.applyTo);
  }
}

export const itemsAmountReward: RewardDefinition<ItemsAmount> = {
  type: 'itemsAmount',
  parse(obj, path, errors) {
    const amount = readAmount(obj, 'amount', path, errors);
    const rest = parseItemsReward(obj, path, errors);
    if (amount === undefined || rest === undefined) return undefined;
    // Every field written out, not spread: the index holds 100,000s of these, and a literal keeps them compact.
    return { type: 'itemsAmount', amount, items: rest.items, applyTo: rest.applyTo, maxQuantityPerLine: rest.maxQuantityPerLine, frequency: rest.frequency };
  },
  apply: applyItemsAmount,
  amountFields: (_reward, path) => [fieldPath(path, 'amount')],
  shareParts: shareItems,
};
