import type { PreparedCart } from '../cart/prepare-cart';
import type { Condition } from '../model/promotion';
import { selectConditionLines } from './line-filter';
import { MET, type Verdict } from './verdict';

type QuantityAtLeast = Extract<Condition, { kind: 'quantityAtLeast' }>;

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
