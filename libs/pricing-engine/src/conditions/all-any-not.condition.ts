import type { PreparedCart } from '../cart/prepare-cart';
import type { Condition } from '../model/promotion';
import { MET, NOT_MET, type Verdict } from './verdict';

type Check = (condition: Condition, cart: PreparedCart) => Verdict;

/** P3: every condition holds; the first failing one says what is missing. */
export function checkAll(conditions: readonly Condition[], cart: PreparedCart, check: Check): Verdict {
  for (const condition of conditions) {
    const verdict = check(condition, cart);
    if (!verdict.met) return verdict;
  }
  return MET;
}

/** P3: at least one condition holds; otherwise the first one that can say what is missing does. */
export function checkAny(conditions: readonly Condition[], cart: PreparedCart, check: Check): Verdict {
  let firstMissing: Verdict | null = null;
  for (const condition of conditions) {
    const verdict = check(condition, cart);
    if (verdict.met) return MET;
    if (firstMissing === null && verdict.missing !== null) firstMissing = verdict;
  }
  return firstMissing ?? NOT_MET;
}

/** P3: the condition does not hold. Nothing can be "missing" from a negation. */
export function checkNot(condition: Condition, cart: PreparedCart, check: Check): Verdict {
  return check(condition, cart).met ? NOT_MET : MET;
}
