import type { PreparedCart } from '../cart/prepare-cart';
import { narrowestKeys, unionOfKeys } from '../index/filter-keys';
import { fail, fieldPath, indexPath } from '../validation/issues';
import type { ConditionDefinition } from './condition-definition';
import type { Condition } from './condition-registry';
import { MET, NOT_MET, type Verdict } from './verdict';

/** P3: a list of conditions that must all hold (`all`) or of which one must (`any`). */
export interface ConditionList<K extends 'all' | 'any'> {
  readonly kind: K;
  readonly conditions: readonly Condition[];
}

/** P3: every condition holds. Also what several keys in one condition object mean. */
export type AllConditions = ConditionList<'all'>;

/** P3: at least one condition holds. */
export type AnyCondition = ConditionList<'any'>;

/** P3: the condition does not hold. */
export interface NotCondition {
  readonly kind: 'not';
  readonly condition: Condition;
}

type Check = (condition: Condition, cart: PreparedCart) => Verdict;

/** P3: every condition holds; the first failing one says what is missing. */
export function checkAll(conditions: readonly Condition[], cart: PreparedCart, check: Check): Verdict {
  for (const condition of conditions) {
    const verdict = check(condition, cart);
    if (!verdict.met) return verdict;
  }
  return MET;
}

/** P3: at least one condition holds; otherwise the first one that can say what is missing does. */
export function checkAny(conditions: readonly Condition[], cart: PreparedCart, check: Check): Verdict {
  let firstMissing: Verdict | null = null;
  for (const condition of conditions) {
    const verdict = check(condition, cart);
    if (verdict.met) return MET;
    if (firstMissing === null && verdict.missing !== null) firstMissing = verdict;
  }
  return firstMissing ?? NOT_MET;
}

/** P3: the condition does not hold. Nothing can be "missing" from a negation. */
export function checkNot(condition: Condition, cart: PreparedCart, check: Check): Verdict {
  return check(condition, cart).met ? NOT_MET : MET;
}

/** The definition of `all` or `any`: `checkList` decides, `keysOf` keeps the index keys the cart must have. */
function conditionListDefinition<K extends 'all' | 'any'>(
  kind: K,
  checkList: typeof checkAll,
  keysOf: typeof narrowestKeys,
): ConditionDefinition<ConditionList<K>> {
  return {
    kind,
    parse(obj, path, errors, nested) {
      const list = obj[kind];
      const field = fieldPath(path, kind);
      if (!Array.isArray(list)) return fail(errors, field, 'invalid_type', `${kind} must be an array of conditions.`);
      const conditions: Condition[] = [];
      let ok = true;
      list.forEach((entry: unknown, i: number) => {
        const parsed = nested.parse(entry, indexPath(field, i), errors);
        if (parsed === undefined) ok = false;
        else conditions.push(parsed);
      });
      return ok ? { kind, conditions } : undefined;
    },
    check: (condition, cart, nested) => checkList(condition.conditions, cart, nested.check),
    amountFields: (condition, path, nested) => condition.conditions.flatMap((c, i) => nested.amountFields(c, indexPath(fieldPath(path, kind), i))),
    text: (condition, texts) => `${kind}(${condition.conditions.map(texts.condition).join(',')})`,
    shareParts: (condition, sharing) => ({ ...condition, conditions: condition.conditions.map(sharing.condition) }),
    indexKeys: (condition, nested) => keysOf(condition.conditions, nested.indexKeys),
  };
}

export const allCondition: ConditionDefinition<AllConditions> = conditionListDefinition('all', checkAll, narrowestKeys);

export const anyCondition: ConditionDefinition<AnyCondition> = conditionListDefinition('any', checkAny, unionOfKeys);

export const notCondition: ConditionDefinition<NotCondition> = {
  kind: 'not',
  parse(obj, path, errors, nested) {
    const inner = nested.parse(obj['not'], fieldPath(path, 'not'), errors);
    return inner === undefined ? undefined : { kind: 'not', condition: inner };
  },
  check: (condition, cart, nested) => checkNot(condition.condition, cart, nested.check),
  amountFields: (condition, path, nested) => nested.amountFields(condition.condition, fieldPath(path, 'not')),
  text: (condition, texts) => `not(${texts.condition(condition.condition)})`,
  shareParts: (condition, sharing) => ({ ...condition, condition: sharing.condition(condition.condition) }),
};
