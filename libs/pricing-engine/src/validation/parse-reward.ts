import { type Reward, isTierReward, rewardDefinitionOf } from '../rewards/reward-registry';
import type { NestedRewardParser } from '../rewards/reward-definition';
import { type Errors, describeValue, fail, fieldPath, isRecord, readInteger } from './issues';

/**
 * README rules 15 and 22: a parsed reward's `maxDiscount`, an integer ≥ 1 on any kind that takes one (a kind that
 * does not says why in its `maxDiscountRefusal`; a tier's reward may carry one); null when absent.
 */
export function readMaxDiscount(raw: unknown, reward: Reward, path: string, errors: Errors): number | null | undefined {
  if (!isRecord(raw) || raw['maxDiscount'] === undefined || raw['maxDiscount'] === null) return null;
  const refusal = rewardDefinitionOf(reward.type)?.maxDiscountRefusal;
  if (refusal !== undefined) return fail(errors, fieldPath(path, 'maxDiscount'), 'not_allowed', refusal);
  return readInteger(raw, 'maxDiscount', path, errors, { min: 1 });
}

const NESTED: NestedRewardParser = {
  parseTierReward(raw, path, errors) {
    const reward = parseReward(raw, path, errors, false);
    const maxDiscount = reward === undefined ? undefined : readMaxDiscount(raw, reward, path, errors);
    if (reward === undefined || !isTierReward(reward) || maxDiscount === undefined) return undefined;
    return { reward, maxDiscount };
  },
};

/** A reward (P2) from its wire shape, by its kind's definition; `allowTiered` is false inside a tier. */
export function parseReward(value: unknown, path: string, errors: Errors, allowTiered = true): Reward | undefined {
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `A reward must be an object, got ${describeValue(value)}.`);
  const rawType = value['type'];
  if (rawType === undefined || rawType === null) return fail(errors, fieldPath(path, 'type'), 'required', 'type is required.');
  const definition = rewardDefinitionOf(rawType);
  // P2: a tier holds a reward that holds no rewards itself.
  const isNestedTier = !allowTiered && definition?.holdsRewards === true;
  if (definition === undefined || isNestedTier) {
    return fail(errors, fieldPath(path, 'type'), 'unknown_type', `Unknown reward type ${JSON.stringify(rawType)}${isNestedTier ? ' inside a tier' : ''}.`);
  }
  if (definition.takesMaxRounds !== true && value['maxRounds'] !== undefined && value['maxRounds'] !== null) {
    return fail(errors, fieldPath(path, 'maxRounds'), 'not_allowed', 'maxRounds caps the rounds of a buyXgetY reward with frequency "unlimited" only.');
  }
  return definition.parse(value, path, errors, NESTED);
}
