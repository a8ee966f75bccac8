import { assertNever } from '../assert-never';
import type { Condition, Filter, ItemSelector, Promotion, Reward, Rule, TierReward } from '../model/promotion';

/** Text that two filters share exactly when they select the same lines. */
function filterText(filter: Filter): string {
  switch (filter.kind) {
    case 'anyItem':
    case 'onSale':
      return `${filter.kind}:${filter.value}`;
    case 'product':
    case 'sku':
    case 'variant':
    case 'category':
    case 'brand':
      return `${filter.kind}${JSON.stringify([...filter.values].sort())}`;
    case 'customField':
    case 'option':
      return `${filter.kind}:${JSON.stringify(filter.name)}${JSON.stringify([...filter.values].sort())}`;
    case 'all':
    case 'any':
      return `${filter.kind}(${filter.filters.map(filterText).join(',')})`;
    case 'not':
      return `not(${filterText(filter.filter)})`;
    default:
      return assertNever(filter);
  }
}

/**
 * Rewrites promotions so that item selectors selecting the same lines are one object, shared
 * by every condition and reward of the index: pricing then selects a cart's lines once per
 * distinct selector (see `selectLines`).
 */
export function selectorSharing(): (promotion: Promotion) => Promotion {
  const pool = new Map<string, ItemSelector>();
  const share = (items: ItemSelector): ItemSelector => {
    const text = `${filterText(items.include)}|${items.exclude === null ? '' : filterText(items.exclude)}`;
    const known = pool.get(text);
    if (known !== undefined) return known;
    pool.set(text, items);
    return items;
  };
  const inCondition = (condition: Condition): Condition => {
    switch (condition.kind) {
      case 'none':
      case 'subtotalAtLeast':
        return condition;
      case 'quantityAtLeast':
      case 'valueAtLeast':
        return { ...condition, items: share(condition.items) };
      case 'all':
      case 'any':
        return { ...condition, conditions: condition.conditions.map(inCondition) };
      case 'not':
        return { ...condition, condition: inCondition(condition.condition) };
      default:
        return assertNever(condition);
    }
  };
  const inTierReward = (reward: TierReward): TierReward => {
    switch (reward.type) {
      case 'itemsPercent':
      case 'itemsAmount':
      case 'fixedPrice':
        return { ...reward, items: share(reward.items) };
      case 'buyXgetY':
        return { ...reward, buy: { ...reward.buy, items: share(reward.buy.items) }, get: { ...reward.get, items: share(reward.get.items) } };
      case 'orderPercent':
      case 'orderAmount':
      case 'freeShipping':
      case 'shippingAmount':
      case 'shippingPercent':
      case 'gift':
        return reward;
      default:
        return assertNever(reward);
    }
  };
  const inReward = (reward: Reward): Reward =>
    reward.type === 'tiered' ? { ...reward, tiers: reward.tiers.map((tier) => ({ ...tier, reward: inTierReward(tier.reward) })) } : inTierReward(reward);
  const inRule = (rule: Rule): Rule => ({ ...rule, conditions: inCondition(rule.conditions), reward: inReward(rule.reward) });
  return (promotion) => ({ ...promotion, rules: promotion.rules.map(inRule) });
}
