import type { PreparedCart } from '../cart/prepare-cart';
import type { Verdict } from '../conditions/verdict';
import type { ItemSelector } from '../model/promotion';
import type { Errors } from '../validation/issues';
import type { RewardContext, RewardEffect } from './reward-context';
import type { Reward, Tier, TierReward } from './reward-registry';

/**
 * What the registry offers a kind that holds other rewards (a tier holds one). Passed in rather than imported,
 * so a reward file never imports the registry that lists it.
 */
export interface NestedRewards {
  apply(reward: Reward, ctx: RewardContext): RewardEffect;
  amountFields(reward: Reward, path: string): string[];
  givesBuyXGetY(reward: Reward): boolean;
}

/** What the parser offers a kind that holds other rewards. */
export interface NestedRewardParser {
  /** A tier's reward, of any kind but `tiered`, with its `maxDiscount` (README rule 15). */
  parseTierReward(raw: unknown, path: string, errors: Errors): Pick<Tier, 'reward' | 'maxDiscount'> | undefined;
}

/** How the index shares equal parts between promotions (see `partSharing`). */
export interface RewardPartSharing {
  selector(items: ItemSelector): ItemSelector;
  reward(reward: TierReward): TierReward;
}

/**
 * One reward kind (P2), Vendure's PromotionAction: its wire `type`, how it is read from the wire and checked,
 * what it gives, which of its fields are amounts, and how it shares parts. Optional members default to "nothing".
 * Methods (not function properties) on purpose: a definition of one kind then stands for a definition of any.
 */
export interface RewardDefinition<R extends { readonly type: string }> {
  readonly type: R['type'];
  /** README rule 22: the detail when this kind refuses `maxDiscount`; absent when it takes one. */
  readonly maxDiscountRefusal?: string;
  /** P2: whether the kind holds other rewards (tiers); such a kind is not allowed inside another. */
  readonly holdsRewards?: boolean;
  /** README rule 16: whether `maxRounds` may be given at all. */
  readonly takesMaxRounds?: boolean;
  /** README rule 22: the wire fields that hold a Version 2 amount (refused with currency "any"). */
  readonly version2AmountKeys?: readonly string[];
  /** The reward from its wire object; every problem goes to `errors` with its path. */
  parse(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors, nested: NestedRewardParser): R | undefined;
  /** What the reward gives on the context; capped later at what is left. */
  apply(reward: R, ctx: RewardContext, nested: NestedRewards): RewardEffect;
  /** P4: paths of the Version 1 amount fields, refused with currency "any". */
  amountFields?(reward: R, path: string, nested: NestedRewards): string[];
  /** The reward with its parts (item selectors, nested rewards) replaced by the shared ones. */
  shareParts?(reward: R, sharing: RewardPartSharing): R;
  /** P7: a code with a buy-X-get-Y reward never stacks with another code. */
  givesBuyXGetY?(reward: R, nested: NestedRewards): boolean;
  /** Whether the rule can give anything on this cart beyond its conditions (a tiered reward needs a tier reached). */
  qualifies?(reward: R, cart: PreparedCart): Verdict;
  /** README rule 15: the cap that applies on this cart when it is not the rule's own `maxDiscount`. */
  maxDiscount?(reward: R, cart: PreparedCart): number | null;
}

/** `shareParts` of a kind whose only shared part is its `items`. */
export function shareItems<R extends { readonly items: ItemSelector }>(reward: R, sharing: RewardPartSharing): R {
  return { ...reward, items: sharing.selector(reward.items) };
}
