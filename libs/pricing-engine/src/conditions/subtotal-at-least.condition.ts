import type { PreparedCart } from '../cart/prepare-cart';
import { fieldPath, readAmount } from '../validation/issues';
import type { ConditionDefinition } from './condition-definition';
import { MET, type Verdict } from './verdict';

/** P3: the condition lines' subtotal is at least `amount` (minor units). */
export interface SubtotalAtLeast {
  readonly kind: 'subtotalAtLeast';
  readonly amount: number;
}

/** P3: the condition lines' subtotal (README rule 10), before any discount, is at least `amount` (equality included). */
export function checkSubtotalAtLeast(condition: SubtotalAtLeast, cart: PreparedCart): Verdict {
  const have = cart.conditionSubtotal;
  return have >= condition.amount ? MET : { met: false, missing: { subtotal: condition.amount - have } };
}

/** How many whole times the condition is met (for unlimited gifts). */
export function timesSubtotalAtLeast(condition: SubtotalAtLeast, cart: PreparedCart): number {
  return condition.amount > 0 ? Math.floor(cart.conditionSubtotal / condition.amount) : 1;
}

export const subtotalAtLeastCondition: ConditionDefinition<SubtotalAtLeast> = {
  kind: 'subtotalAtLeast',
  parse(obj, path, errors) {
    const amount = readAmount(obj, 'subtotalAtLeast', path, errors);
    return amount === undefined ? undefined : { kind: 'subtotalAtLeast', amount };
  },
  check: checkSubtotalAtLeast,
  timesMet: (condition, cart) => Math.max(1, timesSubtotalAtLeast(condition, cart)),
  amountFields: (_condition, path) => [fieldPath(path, 'subtotalAtLeast')],
  text: (condition) => `subtotal>=${condition.amount}`,
};
