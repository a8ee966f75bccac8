import { selectLines } from '../conditions/line-filter';
import type { Reward } from '../model/promotion';
import { type RewardContext, type RewardEffect, lineEffect, zeros } from './reward-context';

type LinesAmount = Extract<Reward, { type: 'linesAmount' }>;

/**
 * README rule 13: `amount` off each matching reward line, once per line whatever its quantity, capped at what
 * is left on it. It does not depend on the base, so both calculation modes give min(amount, what is left).
 */
export function applyLinesAmount(reward: LinesAmount, ctx: RewardContext): RewardEffect {
  const lines = zeros(ctx);
  for (const index of selectLines(reward.items, ctx.cart)) lines[index] = Math.min(reward.amount, ctx.left[index] ?? 0);
  return lineEffect(lines);
}
