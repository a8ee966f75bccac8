import type { PreparedCart } from '../cart/prepare-cart';
import { filterKeys } from '../index/filter-keys';
import type { ItemSelector } from '../model/promotion';
import { fieldPath, readAmount } from '../validation/issues';
import { parseItemsCondition } from '../validation/condition-fields';
import { type ConditionDefinition, shareConditionItems } from './condition-definition';
import { selectConditionLines } from './line-filter';
import { MET, type Verdict } from './verdict';

/** P3: the matching condition lines are worth at least `amount` (minor units). */
export interface ValueAtLeast {
  readonly kind: 'valueAtLeast';
  readonly amount: number;
  readonly items: ItemSelector;
}

function valueOf(condition: ValueAtLeast, cart: PreparedCart): number {
  let have = 0;
  for (const index of selectConditionLines(condition.items, cart)) have += cart.lines[index]?.total ?? 0;
  return have;
}

/** P3: the matching condition lines (README rule 10) are worth at least `amount`, before any discount. */
export function checkValueAtLeast(condition: ValueAtLeast, cart: PreparedCart): Verdict {
  const have = valueOf(condition, cart);
  return have >= condition.amount ? MET : { met: false, missing: { value: condition.amount - have } };
}

/** How many whole times the condition is met (for unlimited gifts). */
export function timesValueAtLeast(condition: ValueAtLeast, cart: PreparedCart): number {
  return condition.amount > 0 ? Math.floor(valueOf(condition, cart) / condition.amount) : 1;
}

export const valueAtLeastCondition: ConditionDefinition<ValueAtLeast> = {
  kind: 'valueAtLeast',
  parse(obj, path, errors) {
    const parsed = parseItemsCondition(obj, 'valueAtLeast', 'amount', path, errors, readAmount);
    return parsed === undefined ? undefined : { kind: 'valueAtLeast', amount: parsed.value, items: parsed.items };
  },
  check: checkValueAtLeast,
  timesMet: (condition, cart) => Math.max(1, timesValueAtLeast(condition, cart)),
  amountFields: (_condition, path) => [fieldPath(path, 'valueAtLeast.amount')],
  text: (condition, texts) => `value>=${condition.amount}:${texts.selector(condition.items)}`,
  shareParts: shareConditionItems,
  indexKeys: (condition) => (condition.amount > 0 ? filterKeys(condition.items.include) : null),
};
