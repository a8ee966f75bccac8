import type { PreparedCart } from '../cart/prepare-cart';
import type { IndexKey } from '../index/filter-keys';
import type { ItemSelector } from '../model/promotion';
import type { Errors } from '../validation/issues';
import type { Condition } from './condition-registry';
import type { Verdict } from './verdict';

/**
 * What the registry offers a kind that holds other conditions (all, any, not). Passed in rather than imported,
 * so a condition file never imports the registry that lists it.
 */
export interface NestedConditions {
  check(condition: Condition, cart: PreparedCart): Verdict;
  amountFields(condition: Condition, path: string): string[];
  indexKeys(condition: Condition): IndexKey[] | null;
}

/** What the parser offers a kind that holds other conditions. */
export interface NestedConditionParser {
  /** A condition object (absent means none). */
  parse(value: unknown, path: string, errors: Errors): Condition | undefined;
}

/** How the index names equal parts: two conditions with the same text are met by the same carts. */
export interface ConditionTexts {
  selector(items: ItemSelector): string;
  condition(condition: Condition): string;
}

/** How the index shares equal parts between promotions (see `partSharing`). */
export interface ConditionPartSharing {
  selector(items: ItemSelector): ItemSelector;
  condition(condition: Condition): Condition;
}

/**
 * One condition kind (P3), Vendure's PromotionCondition: its wire key, how it is read and checked, which of its
 * fields are amounts, how it shares parts and which index keys a cart needs to meet it. Optional members default
 * to "nothing". Methods (not function properties) on purpose: a definition of one kind then stands for any.
 */
export interface ConditionDefinition<C extends { readonly kind: string }> {
  /** The wire key (`{"subtotalAtLeast": 5000}`), and the kind of the parsed condition. */
  readonly kind: C['kind'];
  /** The condition from `obj[kind]`; absent for a kind with no wire key (`none`, an absent condition). */
  parse?(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors, nested: NestedConditionParser): C | undefined;
  /** Checked against the cart as given, before any discount; not met says what is missing (P10). */
  check(condition: C, cart: PreparedCart, nested: NestedConditions): Verdict;
  /** README rule 9: how many whole times a met condition is met, for `unlimited` rewards; 1 when absent. */
  timesMet?(condition: C, cart: PreparedCart): number;
  /** P4: paths of the amount fields, refused with currency "any". */
  amountFields?(condition: C, path: string, nested: NestedConditions): string[];
  /** Text that two conditions share exactly when they are met by the same carts. */
  text(condition: C, texts: ConditionTexts): string;
  /** The condition with its parts (item selectors, nested conditions) replaced by the shared ones. */
  shareParts?(condition: C, sharing: ConditionPartSharing): C;
  /** Keys of which a cart must have one for the condition to be met; null (or absent) when it needs none (P11). */
  indexKeys?(condition: C, nested: NestedConditions): IndexKey[] | null;
}

/** `shareParts` of a kind whose only shared part is its `items`. */
export function shareConditionItems<C extends { readonly items: ItemSelector }>(condition: C, sharing: ConditionPartSharing): C {
  return { ...condition, items: sharing.selector(condition.items) };
}
