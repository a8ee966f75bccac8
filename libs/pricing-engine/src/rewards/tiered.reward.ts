import type { PreparedCart } from '../cart/prepare-cart';
import { MET, type Verdict } from '../conditions/verdict';
import type { Missing } from '../reasons/reason';
import { type Errors, fail, fieldPath, indexPath, isRecord, readEnum, readInteger } from '../validation/issues';
import { NO_EFFECT } from './reward-context';
import type { NestedRewardParser, RewardDefinition } from './reward-definition';
import type { Tier } from './reward-registry';

/** P2 tiered: the reward of the highest tier the cart reaches. */
export interface Tiered {
  readonly type: 'tiered';
  readonly basis: 'subtotal' | 'quantity';
  readonly tiers: readonly Tier[];
}

function basisValue(reward: Tiered, cart: PreparedCart): number {
  return reward.basis === 'subtotal' ? cart.conditionSubtotal : cart.conditionQuantity;
}

/** P2 tiered: the highest tier reached by the cart as given (the condition lines' subtotal or quantity, README rule 10), or null. */
export function reachedTier(reward: Tiered, cart: PreparedCart): Tier | null {
  const have = basisValue(reward, cart);
  let best: Tier | null = null;
  for (const tier of reward.tiers) {
    if (have >= tier.atLeast && (best === null || tier.atLeast >= best.atLeast)) best = tier;
  }
  return best;
}

/** What is missing to reach the lowest tier (P10). */
export function missingForLowestTier(reward: Tiered, cart: PreparedCart): Missing {
  const lowest = Math.min(...reward.tiers.map((tier) => tier.atLeast));
  const missing = Math.max(0, lowest - basisValue(reward, cart));
  return reward.basis === 'subtotal' ? { subtotal: missing } : { quantity: missing };
}

function parseTiered(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors, nested: NestedRewardParser): Tiered | undefined {
  const basis = readEnum(obj, 'basis', path, errors, ['subtotal', 'quantity'] as const, 'subtotal');
  const rawTiers = obj['tiers'];
  const tiersPath = fieldPath(path, 'tiers');
  if (!Array.isArray(rawTiers) || rawTiers.length === 0) return fail(errors, tiersPath, 'required', 'tiers must be a non-empty array.');
  const tiers: Tier[] = [];
  let ok = true;
  rawTiers.forEach((raw: unknown, i: number) => {
    const tierPath = indexPath(tiersPath, i);
    if (!isRecord(raw)) {
      ok = false;
      fail(errors, tierPath, 'invalid_type', 'A tier must be {"atLeast", "reward"}.');
      return;
    }
    const atLeast = readInteger(raw, 'atLeast', tierPath, errors, { min: 0 });
    const tierReward = nested.parseTierReward(raw['reward'], fieldPath(tierPath, 'reward'), errors);
    if (atLeast === undefined || tierReward === undefined) ok = false;
    else tiers.push({ atLeast, reward: tierReward.reward, maxDiscount: tierReward.maxDiscount });
  });
  if (!ok || basis === undefined) return undefined;
  return { type: 'tiered', basis, tiers };
}

export const tieredReward: RewardDefinition<Tiered> = {
  type: 'tiered',
  holdsRewards: true,
  // README rule 15: each tier's reward carries its own cap.
  maxDiscountRefusal: 'maxDiscount caps a discount; a tiered reward takes none (a tier\'s reward may).',
  parse: parseTiered,
  apply(reward, ctx, nested) {
    const tier = reachedTier(reward, ctx.cart);
    return tier === null ? NO_EFFECT : nested.apply(tier.reward, ctx);
  },
  amountFields: (reward, path, nested) => [
    ...(reward.basis === 'subtotal' ? [fieldPath(path, 'basis')] : []),
    ...reward.tiers.flatMap((tier, i) => nested.amountFields(tier.reward, fieldPath(indexPath(fieldPath(path, 'tiers'), i), 'reward'))),
  ],
  shareParts: (reward, sharing) => ({ ...reward, tiers: reward.tiers.map((tier) => ({ ...tier, reward: sharing.reward(tier.reward) })) }),
  givesBuyXGetY: (reward, nested) => reward.tiers.some((tier) => nested.givesBuyXGetY(tier.reward)),
  // A tiered reward that reaches no tier gives nothing: the rule does not qualify.
  qualifies(reward, cart): Verdict {
    return reachedTier(reward, cart) === null ? { met: false, missing: missingForLowestTier(reward, cart) } : MET;
  },
  maxDiscount: (reward, cart) => reachedTier(reward, cart)?.maxDiscount ?? null,
};
