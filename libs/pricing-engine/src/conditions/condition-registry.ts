import { assertNever } from '../assert-never';
import type { PreparedCart } from '../cart/prepare-cart';
import type { Condition } from '../model/promotion';
import { checkAll, checkAny, checkNot } from './all-any-not.condition';
import { checkLineQuantityAtLeast, timesLineQuantityAtLeast } from './line-quantity-at-least.condition';
import { checkQuantityAtLeast, timesQuantityAtLeast } from './quantity-at-least.condition';
import { checkSubtotalAtLeast, timesSubtotalAtLeast } from './subtotal-at-least.condition';
import { checkValueAtLeast, timesValueAtLeast } from './value-at-least.condition';
import { MET, type Verdict } from './verdict';

/** Checks a condition against the cart as given, before any discount (conformance README). */
export function checkCondition(condition: Condition, cart: PreparedCart): Verdict {
  switch (condition.kind) {
    case 'none':
      return MET;
    case 'all':
      return checkAll(condition.conditions, cart, checkCondition);
    case 'any':
      return checkAny(condition.conditions, cart, checkCondition);
    case 'not':
      return checkNot(condition.condition, cart, checkCondition);
    case 'subtotalAtLeast':
      return checkSubtotalAtLeast(condition, cart);
    case 'quantityAtLeast':
      return checkQuantityAtLeast(condition, cart);
    case 'valueAtLeast':
      return checkValueAtLeast(condition, cart);
    case 'lineQuantityAtLeast':
      return checkLineQuantityAtLeast(condition, cart);
    default:
      return assertNever(condition);
  }
}

/**
 * How many times a met condition is met, for `unlimited` gifts (README rule 9): ⌊have ÷
 * threshold⌋ for a single "…AtLeast" condition, once otherwise.
 */
export function timesConditionMet(condition: Condition, cart: PreparedCart): number {
  switch (condition.kind) {
    case 'subtotalAtLeast':
      return Math.max(1, timesSubtotalAtLeast(condition, cart));
    case 'quantityAtLeast':
      return Math.max(1, timesQuantityAtLeast(condition, cart));
    case 'valueAtLeast':
      return Math.max(1, timesValueAtLeast(condition, cart));
    case 'lineQuantityAtLeast':
      return Math.max(1, timesLineQuantityAtLeast(condition, cart));
    case 'none':
    case 'all':
    case 'any':
    case 'not':
      return 1;
    default:
      return assertNever(condition);
  }
}
