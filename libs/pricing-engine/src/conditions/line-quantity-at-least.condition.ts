import type { PreparedCart } from '../cart/prepare-cart';
import type { Condition } from '../model/promotion';
import { selectConditionLines } from './line-filter';
import { MET, type Verdict } from './verdict';

type LineQuantityAtLeast = Extract<Condition, { kind: 'lineQuantityAtLeast' }>;

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
