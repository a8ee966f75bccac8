import type { PreparedCart } from '../cart/prepare-cart';
import { checkCondition } from '../conditions/condition-registry';
import type { Rule } from '../model/promotion';
import type { Missing, Reason } from '../reasons/reason';
import { rewardQualifies } from '../rewards/reward-registry';
import { scheduleStatus } from '../schedule/schedule';
import type { LocalTime, Zone } from '../schedule/zone';
import { checkTargeting } from '../targeting/targeting';
import type { CompiledPromotion } from './compiled-promotion';

export type Eligibility =
  | { readonly ok: true; readonly rules: readonly Rule[] }
  | { readonly ok: false; readonly reason: Reason; readonly missing?: Missing };

/** The rules the cart qualifies for (P6): every one, or only the last one, per `rulesMode`. */
function qualifyingRules(compiled: CompiledPromotion, cart: PreparedCart): Eligibility {
  const { rules } = compiled.promotion;
  // Stays null while every rule so far qualifies, so the usual case reuses the promotion's own list.
  let qualified: Rule[] | null = null;
  let missing: Missing | undefined;
  for (let r = 0; r < rules.length; r += 1) {
    const rule = rules[r];
    if (rule === undefined) continue;
    const conditionVerdict = checkCondition(rule.conditions, cart);
    // Met conditions are not enough when the reward can give nothing on this cart (a tiered reward below its lowest tier).
    const verdict = conditionVerdict.met ? rewardQualifies(rule.reward, cart) : conditionVerdict;
    if (!verdict.met) {
      missing ??= verdict.missing ?? undefined;
      qualified ??= rules.slice(0, r);
      continue;
    }
    qualified?.push(rule);
  }
  const chosen = qualified ?? rules;
  if (chosen.length === 0) return missing === undefined ? { ok: false, reason: 'condition_not_met' } : { ok: false, reason: 'condition_not_met', missing };
  const last = chosen[chosen.length - 1];
  return { ok: true, rules: compiled.promotion.rulesMode === 'lastQualifying' && last !== undefined ? [last] : chosen };
}

/**
 * Every check but stacking, in the order of README rules 7 and 21 (the first failing one is the
 * reason): schedule, channel, currency, market, customer, usage limit, budget, per-customer use, conditions.
 */
export function checkEligibility(
  compiled: CompiledPromotion,
  cart: PreparedCart,
  atMs: number,
  localAt: (zone: Zone) => LocalTime,
): Eligibility {
  const { promotion } = compiled;
  if (compiled.schedule !== null) {
    const status = scheduleStatus(compiled.schedule, atMs, localAt);
    if (status !== 'active') return { ok: false, reason: status };
  }
  let targeting = cart.targetingVerdicts.get(promotion.targeting);
  if (targeting === undefined) {
    targeting = checkTargeting(promotion.targeting, cart);
    cart.targetingVerdicts.set(promotion.targeting, targeting);
  }
  if (targeting !== null) return { ok: false, reason: targeting };
  const { usage } = promotion;
  if (usage.limit !== null && usage.used >= usage.limit) return { ok: false, reason: 'limit_reached' };
  // README rules 19 and 21: no budget left, the promotion does not apply (an automatic one does not count as applied).
  if (promotion.limits.budgetRemaining === 0) return { ok: false, reason: 'budget_exhausted' };
  if (usage.perCustomer !== null && cart.customerId !== null && (usage.usedBy.get(cart.customerId) ?? 0) >= usage.perCustomer) {
    return { ok: false, reason: 'already_used_by_customer' };
  }
  return qualifyingRules(compiled, cart);
}
