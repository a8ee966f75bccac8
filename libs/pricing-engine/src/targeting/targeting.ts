import type { PreparedCart } from '../cart/prepare-cart';
import type { IncludeExclude, Targeting } from '../model/promotion';
import type { Reason } from '../reasons/reason';

function intersects(values: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  for (const value of wanted) if (values.has(value)) return true;
  return false;
}

/** An include list must meet the values (when it is not empty); an exclude list must not. */
function passes(rule: IncludeExclude, values: ReadonlySet<string>): boolean {
  if (rule.include.size > 0 && !intersects(values, rule.include)) return false;
  return !(rule.exclude.size > 0 && intersects(values, rule.exclude));
}

/**
 * README rule 12: an include list passes only when there is a method and every method's country is listed; an
 * exclude list fails when any method's country is listed. With one method this is rule 7's check.
 */
function passesCountries(rule: IncludeExclude, countries: readonly (string | null)[]): boolean {
  if (rule.include.size > 0 && (countries.length === 0 || countries.some((country) => country === null || !rule.include.has(country)))) return false;
  return !(rule.exclude.size > 0 && countries.some((country) => country !== null && rule.exclude.has(country)));
}

/**
 * P4 targeting, in the order of README rules 7 and 21: channel, currency, market, then the customer
 * (listed customer ids, groups with guests as "guest", segments, shipping country, first purchase only).
 */
export function checkTargeting(targeting: Targeting, cart: PreparedCart): Reason | null {
  if (targeting.channels !== null && !targeting.channels.has(cart.channel)) return 'wrong_channel';
  if (targeting.currency !== null && targeting.currency !== 'any' && targeting.currency !== cart.currency.code) return 'wrong_currency';
  if (targeting.markets !== null && (cart.market === null || !targeting.markets.has(cart.market))) return 'wrong_market';
  if (targeting.customerIds !== null && (cart.customerId === null || !targeting.customerIds.has(cart.customerId))) return 'customer_not_eligible';
  if (!passes(targeting.customerGroups, cart.groups)) return 'customer_not_eligible';
  if (!passes(targeting.segments, cart.segments)) return 'customer_not_eligible';
  if (!passesCountries(targeting.countries, cart.countries)) return 'customer_not_eligible';
  if (targeting.firstPurchaseOnly && cart.orderCount > 0) return 'customer_not_eligible';
  return null;
}
