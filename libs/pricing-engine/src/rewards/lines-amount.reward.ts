import { selectLines } from '../conditions/line-filter';
import type { ItemSelector } from '../model/promotion';
import { fail, fieldPath, readInteger } from '../validation/issues';
import { parseItems } from '../validation/parse-filter';
import { type RewardContext, type RewardEffect, lineEffect, zeros } from './reward-context';
import { type RewardDefinition, shareItems } from './reward-definition';

/** README rule 13: `amount` (minor units) off each matching reward line, once per line whatever its quantity. */
export interface LinesAmount {
  readonly type: 'linesAmount';
  readonly amount: number;
  readonly items: ItemSelector;
}

/**
 * README rule 13: `amount` off each matching reward line, once per line whatever its quantity, capped at what
 * is left on it. It does not depend on the base, so both calculation modes give min(amount, what is left).
 */
export function applyLinesAmount(reward: LinesAmount, ctx: RewardContext): RewardEffect {
  const lines = zeros(ctx);
  for (const index of selectLines(reward.items, ctx.cart)) lines[index] = Math.min(reward.amount, ctx.left[index] ?? 0);
  return lineEffect(lines);
}

export const linesAmountReward: RewardDefinition<LinesAmount> = {
  type: 'linesAmount',
  version2AmountKeys: ['amount'],
  parse(obj, path, errors) {
    const amount = readInteger(obj, 'amount', path, errors, { min: 1 });
    const items = obj['items'] === undefined || obj['items'] === null
      ? fail(errors, fieldPath(path, 'items'), 'required', 'items is required: which lines the amount comes off.')
      : parseItems(obj['items'], fieldPath(path, 'items'), errors);
    if (amount === undefined || items === undefined) return undefined;
    return { type: 'linesAmount', amount, items };
  },
  apply: applyLinesAmount,
  shareParts: shareItems,
};
