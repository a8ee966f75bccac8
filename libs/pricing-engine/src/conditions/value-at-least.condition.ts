import type { PreparedCart } from '../cart/prepare-cart';
import type { Condition } from '../model/promotion';
import { selectConditionLines } from './line-filter';
import { MET, type Verdict } from './verdict';

type ValueAtLeast = Extract<Condition, { kind: 'valueAtLeast' }>;

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
