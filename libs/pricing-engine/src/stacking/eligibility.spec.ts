import { aCart } from '../../test/builders/cart.builder';
import { aCompiledPromotion } from '../../test/builders/compiled-promotion';
import { aCoupon, anAutomatic, someSettings } from '../../test/builders/promotion.builder';
import { prepareCart } from '../cart/prepare-cart';
import { localTime } from '../schedule/zone';
import { checkEligibility } from './eligibility';

const settings = someSettings();
const AT_MS = Date.parse('2026-11-20T15:00:00Z');
const cart = prepareCart(aCart().withLine({ unitPrice: 3000 }).build(), settings);

function eligibilityOf(raw: unknown) {
  return checkEligibility(aCompiledPromotion(raw, settings), cart, AT_MS, (zone) => localTime(zone, AT_MS));
}

const tenPercent = { type: 'orderPercent', percent: 10 };
const rule = (atLeast: number) => ({ conditions: { subtotalAtLeast: atLeast }, reward: tenPercent });

describe('checkEligibility', () => {
  it('passes with the promotion\'s rules when every check holds', () => {
    const ok = aCompiledPromotion(anAutomatic('ok', tenPercent), settings);
    expect(checkEligibility(ok, cart, AT_MS, (zone) => localTime(zone, AT_MS))).toEqual({ ok: true, rules: ok.promotion.rules });
  });

  it('refuses a promotion that has not started, or has ended, by its schedule (P5)', () => {
    expect(eligibilityOf(anAutomatic('soon', tenPercent, { schedule: { start: '2026-12-01T00:00:00' } }))).toEqual({ ok: false, reason: 'not_started' });
    expect(eligibilityOf(anAutomatic('over', tenPercent, { schedule: { end: '2026-11-01T00:00:00' } }))).toEqual({ ok: false, reason: 'expired' });
  });

  it('reports the first failing check in the order of README rule 21', () => {
    // Used up, out of budget and short of its condition: the usage limit comes first.
    const all = anAutomatic('many', {}, { usage: { limit: 5, used: 5 }, limits: { budgetRemaining: 0 }, rules: [rule(5000)] });
    expect(eligibilityOf(all)).toEqual({ ok: false, reason: 'limit_reached' });
    // Out of budget and already used by this customer: the budget comes first.
    const budget = aCoupon('budget', tenPercent, { limits: { budgetRemaining: 0 }, usage: { perCustomer: 1, usedBy: { 'cu-1': 1 } } });
    expect(eligibilityOf(budget)).toEqual({ ok: false, reason: 'budget_exhausted' });
    const perCustomer = aCoupon('once', tenPercent, { usage: { perCustomer: 1, usedBy: { 'cu-1': 1 } }, rules: [rule(5000)] });
    expect(eligibilityOf(perCustomer)).toEqual({ ok: false, reason: 'already_used_by_customer' });
  });

  it('says what is missing when no rule qualifies (P10)', () => {
    // The cart's 3000 is 2000 short of 5000.
    expect(eligibilityOf(anAutomatic('far', {}, { rules: [rule(5000)] }))).toEqual({ ok: false, reason: 'condition_not_met', missing: { subtotal: 2000 } });
  });

  it('keeps the qualifying rules in listed order, or only the last one with lastQualifying (P6)', () => {
    const rules = [rule(1000), rule(5000), rule(2000)];
    const every = aCompiledPromotion(anAutomatic('every', {}, { rules }), settings);
    const result = checkEligibility(every, cart, AT_MS, (zone) => localTime(zone, AT_MS));
    expect(result).toEqual({ ok: true, rules: [every.promotion.rules[0], every.promotion.rules[2]] });
    const last = aCompiledPromotion(anAutomatic('last', {}, { rules, rulesMode: 'lastQualifying' }), settings);
    expect(checkEligibility(last, cart, AT_MS, (zone) => localTime(zone, AT_MS))).toEqual({ ok: true, rules: [last.promotion.rules[2]] });
  });

  it('does not qualify a tiered rule below its lowest tier, and says how far it is', () => {
    const tiered = anAutomatic('tiers', { type: 'tiered', basis: 'subtotal', tiers: [{ atLeast: 4000, reward: tenPercent }, { atLeast: 8000, reward: tenPercent }] });
    expect(eligibilityOf(tiered)).toEqual({ ok: false, reason: 'condition_not_met', missing: { subtotal: 1000 } });
  });
});
