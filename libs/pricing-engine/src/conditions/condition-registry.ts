import type { PreparedCart } from '../cart/prepare-cart';
import type { IndexKey } from '../index/filter-keys';
import { allCondition, anyCondition, notCondition } from './all-any-not.condition';
import type { ConditionDefinition, ConditionPartSharing, ConditionTexts, NestedConditions } from './condition-definition';
import { lineQuantityAtLeastCondition } from './line-quantity-at-least.condition';
import { noneCondition } from './none.condition';
import { quantityAtLeastCondition } from './quantity-at-least.condition';
import { subtotalAtLeastCondition } from './subtotal-at-least.condition';
import { valueAtLeastCondition } from './value-at-least.condition';
import type { Verdict } from './verdict';

/** Every condition kind (P3), one definition each, keyed by its `kind` (Vendure's PromotionOptions). */
export const CONDITION_DEFINITIONS = [
  noneCondition,
  allCondition,
  anyCondition,
  notCondition,
  subtotalAtLeastCondition,
  quantityAtLeastCondition,
  valueAtLeastCondition,
  lineQuantityAtLeastCondition,
] as const;

type KindOf<D> = D extends ConditionDefinition<infer C> ? C : never;

/** A rule's condition (P3), one of the kinds above, checked against the cart as given. */
export type Condition = KindOf<(typeof CONDITION_DEFINITIONS)[number]>;

export type ConditionKind = Condition['kind'];

/** The wire keys of the condition kinds (every kind but `none`, which is an absent condition), in the registry's order. */
export const CONDITION_KEYS: readonly ConditionKind[] = CONDITION_DEFINITIONS.filter((definition) => definition.parse !== undefined).map((definition) => definition.kind);

const BY_KIND: ReadonlyMap<string, ConditionDefinition<Condition>> = new Map(
  CONDITION_DEFINITIONS.map((definition): [string, ConditionDefinition<Condition>] => [definition.kind, definition]),
);

/** The definition of a wire key; undefined for an unknown one or `none`. */
export function conditionDefinitionOfKey(key: string): ConditionDefinition<Condition> | undefined {
  const definition = BY_KIND.get(key);
  return definition?.parse === undefined ? undefined : definition;
}

function definitionOf(condition: Condition): ConditionDefinition<Condition> {
  const definition = BY_KIND.get(condition.kind);
  if (definition === undefined) throw new TypeError(`No definition for condition kind ${condition.kind}.`);
  return definition;
}

/** The registry's handling of any condition, handed to the kinds that hold others. */
const NESTED: NestedConditions = {
  check: (condition, cart) => checkCondition(condition, cart),
  amountFields: (condition, path) => amountFieldsOfCondition(condition, path),
  indexKeys: (condition) => conditionKeys(condition),
};

/** Checks a condition against the cart as given, before any discount (conformance README). */
export function checkCondition(condition: Condition, cart: PreparedCart): Verdict {
  return definitionOf(condition).check(condition, cart, NESTED);
}

/**
 * How many times a met condition is met, for `unlimited` gifts (README rule 9): ⌊have ÷
 * threshold⌋ for a single "…AtLeast" condition, once otherwise.
 */
export function timesConditionMet(condition: Condition, cart: PreparedCart): number {
  return definitionOf(condition).timesMet?.(condition, cart) ?? 1;
}

/** P4: paths of the amount parts of a condition (not allowed with currency "any"). */
export function amountFieldsOfCondition(condition: Condition, path: string): string[] {
  return definitionOf(condition).amountFields?.(condition, path, NESTED) ?? [];
}

/** Keys of which the cart must have one for the condition to be met; null when it needs none (P11). */
export function conditionKeys(condition: Condition): IndexKey[] | null {
  return definitionOf(condition).indexKeys?.(condition, NESTED) ?? null;
}

/** Text that two conditions share exactly when they are met by the same carts (see `partSharing`). */
export function conditionText(condition: Condition, texts: ConditionTexts): string {
  return definitionOf(condition).text(condition, texts);
}

/** The condition with its parts shared (see `partSharing`), of the same kind. */
export function shareConditionParts(condition: Condition, sharing: ConditionPartSharing): Condition {
  return definitionOf(condition).shareParts?.(condition, sharing) ?? condition;
}
