import { assertNever } from '../assert-never';
import type { Condition, Filter, IncludeExclude, ItemSelector, Promotion, Rule, Schedule, Targeting, Usage } from '../model/promotion';
import type { ConditionPartSharing, ConditionTexts } from '../conditions/condition-definition';
import { conditionText, shareConditionParts } from '../conditions/condition-registry';
import type { RewardPartSharing } from '../rewards/reward-definition';
import { shareRewardParts } from '../rewards/reward-registry';

function setText(values: ReadonlySet<string>): string {
  return JSON.stringify([...values].sort());
}

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
      return `${filter.kind}${setText(filter.values)}`;
    case 'customField':
    case 'option':
      return `${filter.kind}:${JSON.stringify(filter.name)}${setText(filter.values)}`;
    case 'all':
    case 'any':
      return `${filter.kind}(${filter.filters.map(filterText).join(',')})`;
    case 'not':
      return `not(${filterText(filter.filter)})`;
    case 'unitPrice':
      return `unitPrice:${String(filter.min)}-${String(filter.max)}`;
    case 'customFieldNumber':
      return `customFieldNumber:${JSON.stringify([filter.name, filter.gte, filter.lte, filter.eq])}`;
    default:
      return assertNever(filter);
  }
}

function includeExcludeText(rule: IncludeExclude): string {
  return `${setText(rule.include)}-${setText(rule.exclude)}`;
}

function targetingText(targeting: Targeting): string {
  const channels = targeting.channels === null ? 'null' : setText(targeting.channels);
  const customer = [targeting.customerGroups, targeting.segments, targeting.countries].map(includeExcludeText).join('/');
  const customerIds = targeting.customerIds === null ? 'null' : setText(targeting.customerIds);
  const markets = targeting.markets === null ? 'null' : setText(targeting.markets);
  return `${channels}|${String(targeting.currency)}|${customer}|${targeting.firstPurchaseOnly}|${customerIds}|${markets}`;
}

function usageText(usage: Usage): string {
  const usedBy = [...usage.usedBy].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `${String(usage.limit)}|${usage.used}|${String(usage.perCustomer)}|${JSON.stringify(usedBy)}`;
}

function scheduleText(schedule: Schedule): string {
  const { recurring } = schedule;
  return JSON.stringify([schedule.start, schedule.end, schedule.timeZone, recurring === null ? null : { ...recurring, weekdays: [...recurring.weekdays].sort() }]);
}

/** One object per distinct text: the first one seen stands for every equal one after it. */
function pool<T>(textOf: (value: T) => string): (value: T) => T {
  const known = new Map<string, T>();
  return (value) => {
    const text = textOf(value);
    const first = known.get(text);
    if (first !== undefined) return first;
    known.set(text, value);
    return value;
  };
}

/**
 * Rewrites promotions so that equal parts (item selectors, conditions, targeting, schedule, usage) are one
 * object for the whole index. Pricing then touches a few shared objects instead of every
 * promotion's own copies, and selects a cart's lines once per distinct selector (`selectLines`).
 * Every part is immutable, so sharing changes no result.
 */
export function partSharing(): (promotion: Promotion) => Promotion {
  const textsOfConditions = new Map<Condition, string>();
  const selectorTexts = new Map<ItemSelector, string>();
  const selectorText = (items: ItemSelector): string => {
    let text = selectorTexts.get(items);
    if (text === undefined) {
      text = `${filterText(items.include)}|${items.exclude === null ? '' : filterText(items.exclude)}`;
      selectorTexts.set(items, text);
    }
    return text;
  };
  const shareSelector = pool(selectorText);
  const conditionTexts: ConditionTexts = {
    selector: selectorText,
    condition: (condition) => {
      let text = textsOfConditions.get(condition);
      if (text === undefined) {
        text = conditionText(condition, conditionTexts);
        textsOfConditions.set(condition, text);
      }
      return text;
    },
  };
  const shareCondition = pool(conditionTexts.condition);
  const shareTargeting = pool(targetingText);
  const shareUsage = pool(usageText);
  const shareSchedule = pool(scheduleText);

  const conditionSharing: ConditionPartSharing = {
    selector: shareSelector,
    condition: (condition) => shareCondition(shareConditionParts(condition, conditionSharing)),
  };
  const rewardSharing: RewardPartSharing = {
    selector: shareSelector,
    reward: (reward) => shareRewardParts(reward, rewardSharing),
  };
  const inRule = (rule: Rule): Rule => ({ ...rule, conditions: conditionSharing.condition(rule.conditions), reward: shareRewardParts(rule.reward, rewardSharing) });
  return (promotion) => ({
    ...promotion,
    targeting: shareTargeting(promotion.targeting),
    schedule: promotion.schedule === null ? null : shareSchedule(promotion.schedule),
    usage: shareUsage(promotion.usage),
    rules: promotion.rules.map(inRule),
  });
}
