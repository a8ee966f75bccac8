import type { PreparedCart } from '../cart/prepare-cart';
import { filterKeys } from '../index/filter-keys';
import type { ItemSelector } from '../model/promotion';
import { readInteger } from '../validation/issues';
import { parseItemsCondition } from '../validation/condition-fields';
import { type ConditionDefinition, shareConditionItems } from './condition-definition';
import { selectConditionLines } from './line-filter';
import { MET, type Verdict } from './verdict';

/** README rule 17: one condition line among `items` has at least `quantity` units (never added across lines). */
export interface LineQuantityAtLeast {
  readonly kind: 'lineQuantityAtLeast';
  readonly quantity: number;
  readonly items: ItemSelector;
}

/** The largest quantity of one matching condition line (0 when there is none); lines are never added (README rule 17). */
function largestLineQuantity(condition: LineQuantityAtLeast, cart: PreparedCart): number {
  let largest = 0;
  for (const index of selectConditionLines(condition.items, cart)) largest = Math.max(largest, cart.lines[index]?.quantity ?? 0);
  return largest;
}

/** README rule 17: a single matching condition line holds at least `quantity` units; missing is what the largest one lacks. */
export function checkLineQuantityAtLeast(condition: LineQuantityAtLeast, cart: PreparedCart): Verdict {
  const have = largestLineQuantity(condition, cart);
  return have >= condition.quantity ? MET : { met: false, missing: { quantity: condition.quantity - have } };
}

/** How many whole times the condition is met (for unlimited gifts): ⌊q ÷ n⌋ of the largest line's quantity. */
export function timesLineQuantityAtLeast(condition: LineQuantityAtLeast, cart: PreparedCart): number {
  return condition.quantity > 0 ? Math.floor(largestLineQuantity(condition, cart) / condition.quantity) : 1;
}

export const lineQuantityAtLeastCondition: ConditionDefinition<LineQuantityAtLeast> = {
  kind: 'lineQuantityAtLeast',
  parse(obj, path, errors) {
    const parsed = parseItemsCondition(obj, 'lineQuantityAtLeast', 'quantity', path, errors, (spec, key, field, errors) => readInteger(spec, key, field, errors, { min: 1 }));
    return parsed === undefined ? undefined : { kind: 'lineQuantityAtLeast', quantity: parsed.value, items: parsed.items };
  },
  check: checkLineQuantityAtLeast,
  timesMet: (condition, cart) => Math.max(1, timesLineQuantityAtLeast(condition, cart)),
  text: (condition, texts) => `lineQuantity>=${condition.quantity}:${texts.selector(condition.items)}`,
  shareParts: shareConditionItems,
  indexKeys: (condition) => (condition.quantity > 0 ? filterKeys(condition.items.include) : null),
};
