import type { PreparedCart } from '../cart/prepare-cart';
import { MET, type Verdict } from '../conditions/verdict';
import { buyXGetYReward } from './buy-x-get-y.reward';
import { fixedOrderTotalReward } from './fixed-order-total.reward';
import { fixedPriceReward } from './fixed-price.reward';
import { freeShippingReward } from './free-shipping.reward';
import { giftReward } from './gift.reward';
import { itemsAmountReward } from './items-amount.reward';
import { itemsPercentReward } from './items-percent.reward';
import { linesAmountReward } from './lines-amount.reward';
import { orderAmountReward } from './order-amount.reward';
import { orderPercentReward } from './order-percent.reward';
import type { RewardContext, RewardEffect } from './reward-context';
import type { NestedRewards, RewardDefinition, RewardPartSharing } from './reward-definition';
import { shippingAmountReward } from './shipping-amount.reward';
import { shippingPercentReward } from './shipping-percent.reward';
import { tieredReward } from './tiered.reward';

/** Every reward kind (P2), one definition each, keyed by its wire `type` (Vendure's PromotionOptions). */
export const REWARD_DEFINITIONS = [
  orderPercentReward,
  orderAmountReward,
  itemsPercentReward,
  itemsAmountReward,
  linesAmountReward,
  fixedOrderTotalReward,
  freeShippingReward,
  shippingAmountReward,
  shippingPercentReward,
  giftReward,
  fixedPriceReward,
  buyXGetYReward,
  tieredReward,
] as const;

type KindOf<D> = D extends RewardDefinition<infer R> ? R : never;

/** A reward (P2), one of the kinds above. Percentages are basis points, amounts minor units. */
export type Reward = KindOf<(typeof REWARD_DEFINITIONS)[number]>;

export type RewardType = Reward['type'];

/** The wire `type` of every reward kind, in the registry's order. */
export const REWARD_TYPES: readonly RewardType[] = REWARD_DEFINITIONS.map((definition) => definition.type);

/** A reward a tier may give: any kind but `tiered`. */
export type TierReward = Exclude<Reward, { readonly type: 'tiered' }>;

/** One step of a tiered reward; the highest `atLeast` reached applies. */
export interface Tier {
  readonly atLeast: number;
  readonly reward: TierReward;
  /** README rule 15: the wire's `reward.maxDiscount` of this tier; null = no cap. */
  readonly maxDiscount: number | null;
}

const BY_TYPE: ReadonlyMap<string, RewardDefinition<Reward>> = new Map(REWARD_DEFINITIONS.map((definition): [string, RewardDefinition<Reward>] => [definition.type, definition]));

/** The definition of a wire `type`; undefined for an unknown one. */
export function rewardDefinitionOf(type: unknown): RewardDefinition<Reward> | undefined {
  return typeof type === 'string' ? BY_TYPE.get(type) : undefined;
}

/** P2: whether a reward may stand in a tier: any kind that holds no rewards itself. */
export function isTierReward(reward: Reward): reward is TierReward {
  return definitionOf(reward).holdsRewards !== true;
}

function definitionOf(reward: Reward): RewardDefinition<Reward> {
  const definition = BY_TYPE.get(reward.type);
  if (definition === undefined) throw new TypeError(`No definition for reward type ${reward.type}.`);
  return definition;
}

/** The registry's handling of any reward, handed to the kinds that hold others. */
export const NESTED_REWARDS: NestedRewards = {
  apply: (reward, ctx) => applyReward(reward, ctx),
  amountFields: (reward, path) => amountFieldsOfReward(reward, path),
  givesBuyXGetY: (reward) => givesBuyXGetY(reward),
};

/** Computes what a reward gives on the context. */
export function applyReward(reward: Reward, ctx: RewardContext): RewardEffect {
  return definitionOf(reward).apply(reward, ctx, NESTED_REWARDS);
}

/** P4: paths of the amount fields of a reward (not allowed with currency "any"). */
export function amountFieldsOfReward(reward: Reward, path: string): string[] {
  return definitionOf(reward).amountFields?.(reward, path, NESTED_REWARDS) ?? [];
}

/** P7: whether the reward gives buy X get Y (then its code never stacks with another code). */
export function givesBuyXGetY(reward: Reward): boolean {
  return definitionOf(reward).givesBuyXGetY?.(reward, NESTED_REWARDS) ?? false;
}

/** Whether the reward can give anything on this cart, once the rule's conditions are met. */
export function rewardQualifies(reward: Reward, cart: PreparedCart): Verdict {
  return definitionOf(reward).qualifies?.(reward, cart) ?? MET;
}

/** README rule 15: the rule's cap on this cart: its own `maxDiscount`, or the one its kind decides (a tier's). */
export function maxDiscountOf(reward: Reward, ruleMaxDiscount: number | null, cart: PreparedCart): number | null {
  const decide = definitionOf(reward).maxDiscount;
  return decide === undefined ? ruleMaxDiscount : decide(reward, cart);
}

/** The reward with its parts shared (see `partSharing`), of the same kind. */
export function shareRewardParts<R extends Reward>(reward: R, sharing: RewardPartSharing): R {
  const shared = definitionOf(reward).shareParts?.(reward, sharing) ?? reward;
  // A definition's shareParts maps its kind to its kind (RewardDefinition<R>); the lookup by type loses that link.
  return shared as R;
}
