import type { PreparedCart } from '../cart/prepare-cart';
import { filterKeys } from '../index/filter-keys';
import type { ItemSelector } from '../model/promotion';
import { readInteger } from '../validation/issues';
import { parseItemsCondition } from '../validation/condition-fields';
import { type ConditionDefinition, shareConditionItems } from './condition-definition';
import { selectConditionLines } from './line-filter';
import { MET, type Verdict } from './verdict';

/** P3: the matching condition lines hold at least `count` units. */
export interface QuantityAtLeast {
  readonly kind: 'quantityAtLeast';
  readonly count: number;
  readonly items: ItemSelector;
}

function quantityOf(condition: QuantityAtLeast, cart: PreparedCart): number {
  let have = 0;
  for (const index of selectConditionLines(condition.items, cart)) have += cart.lines[index]?.quantity ?? 0;
  return have;
}

/** P3: the matching condition lines (README rule 10) hold at least `count` units. */
export function checkQuantityAtLeast(condition: QuantityAtLeast, cart: PreparedCart): Verdict {
  const have = quantityOf(condition, cart);
  return have >= condition.count ? MET : { met: false, missing: { quantity: condition.count - have } };
}

/** How many whole times the condition is met (for unlimited gifts). */
export function timesQuantityAtLeast(condition: QuantityAtLeast, cart: PreparedCart): number {
  return condition.count > 0 ? Math.floor(quantityOf(condition, cart) / condition.count) : 1;
}

export const quantityAtLeastCondition: ConditionDefinition<QuantityAtLeast> = {
  kind: 'quantityAtLeast',
  parse(obj, path, errors) {
    const parsed = parseItemsCondition(obj, 'quantityAtLeast', 'count', path, errors, (spec, key, field, errors) => readInteger(spec, key, field, errors, { min: 0 }));
    return parsed === undefined ? undefined : { kind: 'quantityAtLeast', count: parsed.value, items: parsed.items };
  },
  check: checkQuantityAtLeast,
  timesMet: (condition, cart) => Math.max(1, timesQuantityAtLeast(condition, cart)),
  text: (condition, texts) => `quantity>=${condition.count}:${texts.selector(condition.items)}`,
  shareParts: shareConditionItems,
  indexKeys: (condition) => (condition.count > 0 ? filterKeys(condition.items.include) : null),
};
