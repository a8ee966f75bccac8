import type { PreparedCart } from '../cart/prepare-cart';
import type { Condition } from '../model/promotion';
import { MET, type Verdict } from './verdict';

type SubtotalAtLeast = Extract<Condition, { kind: 'subtotalAtLeast' }>;

/** P3: the condition lines' subtotal (README rule 10), before any discount, is at least `amount` (equality included). */
export function checkSubtotalAtLeast(condition: SubtotalAtLeast, cart: PreparedCart): Verdict {
  const have = cart.conditionSubtotal;
  return have >= condition.amount ? MET : { met: false, missing: { subtotal: condition.amount - have } };
}

/** How many whole times the condition is met (for unlimited gifts). */
export function timesSubtotalAtLeast(condition: SubtotalAtLeast, cart: PreparedCart): number {
  return condition.amount > 0 ? Math.floor(cart.conditionSubtotal / condition.amount) : 1;
}
