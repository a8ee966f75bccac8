import { parseCart } from './parse-cart';
import { validatePromotion } from './parse-promotion';
import { parseSettings } from './parse-settings';

// README rule 22: every Version 2 input error is {field, reason, detail}, `field` the path as sent.
const line = { lineId: 'l1', sku: 's', productId: 'p', quantity: 1, unitPrice: 500 };
const cart = { cartId: 'c', channel: 'web', currency: 'USD', currencyExponent: 2, customer: null, lines: [line], codes: [], shipping: null };

function cartErrors(overrides: Readonly<Record<string, unknown>>): [string, string][] {
  const result = parseCart({ ...cart, ...overrides }, 'cart');
  if (result.ok) return [];
  for (const error of result.errors) expect(error.detail.length).toBeGreaterThan(0);
  return result.errors.map((error) => [error.field, error.reason]);
}

describe('Version 2 settings (README rule 22)', () => {
  it.each(['pricesIncludeTax', 'nonDiscountableCountsTowardConditions'])('refuses a %s that is not a boolean', (key) => {
    const result = parseSettings({ [key]: 'yes' }, 'settings');
    expect(result.ok ? [] : result.errors.map((error) => [error.field, error.reason])).toEqual([[`settings.${key}`, 'invalid_type']]);
  });

  it('defaults pricesIncludeTax to false and nonDiscountableCountsTowardConditions to true', () => {
    const result = parseSettings({});
    expect(result.ok && [result.value.pricesIncludeTax, result.value.nonDiscountableCountsTowardConditions]).toEqual([false, true]);
  });
});

describe('Version 2 cart lines (README rule 22)', () => {
  it.each([
    [{ taxRate: 2.5 }, 'cart.lines[0].taxRate', 'invalid_type'],
    [{ taxRate: '2000' }, 'cart.lines[0].taxRate', 'invalid_type'],
    [{ taxRate: 10_001 }, 'cart.lines[0].taxRate', 'out_of_range'],
    [{ taxRate: -1 }, 'cart.lines[0].taxRate', 'out_of_range'],
    [{ discountable: 'no' }, 'cart.lines[0].discountable', 'invalid_type'],
  ])('refuses %j', (extra, field, reason) => {
    expect(cartErrors({ lines: [{ ...line, ...extra }] })).toEqual([[field, reason]]);
  });

  it('accepts the bounds of taxRate and a boolean discountable', () => {
    expect(cartErrors({ lines: [{ ...line, taxRate: 0 }, { ...line, lineId: 'l2', taxRate: 10_000, discountable: false }] })).toEqual([]);
  });
});

describe('Version 2 cart market (README rule 22)', () => {
  it('takes a string or null, nothing else', () => {
    expect(cartErrors({ market: 'eu-west' })).toEqual([]);
    expect(cartErrors({ market: null })).toEqual([]);
    expect(cartErrors({ market: 7 })).toEqual([['cart.market', 'invalid_type']]);
  });
});

describe('Version 2 targeting (README rule 22)', () => {
  const promotion = { id: 'p', kind: 'automatic', priority: 1, rules: [{ reward: { type: 'orderPercent', percent: 10 } }] };
  function promotionErrors(targeting: unknown): [string, string][] {
    return validatePromotion({ ...promotion, targeting }).map((error) => [error.field, error.reason]);
  }

  it.each(['customerIds', 'markets'])('%s: a non-empty list of non-empty strings without repeats', (key) => {
    expect(promotionErrors({ [key]: ['a', 'b'] })).toEqual([]);
    expect(promotionErrors({ [key]: [] })).toEqual([[`targeting.${key}`, 'empty']]);
    expect(promotionErrors({ [key]: 'a' })).toEqual([[`targeting.${key}`, 'invalid_type']]);
    expect(promotionErrors({ [key]: ['a', 3] })).toEqual([[`targeting.${key}[1]`, 'invalid_type']]);
    expect(promotionErrors({ [key]: ['a', ''] })).toEqual([[`targeting.${key}[1]`, 'empty']]);
    expect(promotionErrors({ [key]: ['a', 'b', 'a'] })).toEqual([[`targeting.${key}[2]`, 'duplicate']]);
  });
});

describe('Version 2 filters and lineQuantityAtLeast (README rule 22)', () => {
  function conditionErrors(conditions: unknown): [string, string][] {
    const promotion = { id: 'p', kind: 'automatic', priority: 1, rules: [{ conditions, reward: { type: 'orderPercent', percent: 10 } }] };
    return validatePromotion(promotion).map((error) => [error.field, error.reason]);
  }
  const at = 'rules[0].conditions.quantityAtLeast.items';
  const withItems = (items: unknown): unknown => ({ quantityAtLeast: { count: 1, items } });

  it.each([
    [{ unitPrice: {} }, [[`${at}.unitPrice`, 'required']]],
    [{ unitPrice: { min: 1.5 } }, [[`${at}.unitPrice.min`, 'invalid_type']]],
    [{ unitPrice: { max: '9' } }, [[`${at}.unitPrice.max`, 'invalid_type']]],
    [{ unitPrice: { min: -1 } }, [[`${at}.unitPrice.min`, 'out_of_range']]],
    [{ unitPrice: { min: 500, max: 499 } }, [[`${at}.unitPrice.max`, 'out_of_range']]],
    [{ customField: { name: 'w' } }, [[`${at}.customField`, 'required']]],
    [{ customField: { name: 'w', in: ['1'], gte: 1 } }, [[`${at}.customField`, 'not_allowed']]],
    [{ customField: { name: 'w', eq: '7' } }, [[`${at}.customField.eq`, 'invalid_type']]],
    [{ customField: { name: 'w', gte: 3, lte: 2 } }, [[`${at}.customField.lte`, 'out_of_range']]],
  ])('refuses the filter %j', (items, expected) => {
    expect(conditionErrors(withItems(items))).toEqual(expected);
  });

  it('accepts a unit-price range of one price and numeric comparisons', () => {
    expect(conditionErrors(withItems({ unitPrice: { min: 500, max: 500 }, customField: { name: 'w', gte: 2.5, lte: 2.5, eq: 2.5 } }))).toEqual([]);
  });

  it.each([
    [{ lineQuantityAtLeast: {} }, 'required'],
    [{ lineQuantityAtLeast: { quantity: 1.5 } }, 'invalid_type'],
    [{ lineQuantityAtLeast: { quantity: 0 } }, 'out_of_range'],
  ])('refuses %j', (conditions, reason) => {
    expect(conditionErrors(conditions)).toEqual([['rules[0].conditions.lineQuantityAtLeast.quantity', reason]]);
  });
});

describe('Version 2 rewards and amounts (README rule 22)', () => {
  function rewardErrors(reward: unknown, targeting?: unknown): [string, string][] {
    const promotion = { id: 'p', kind: 'automatic', priority: 1, rules: [{ reward }], ...(targeting === undefined ? {} : { targeting }) };
    return validatePromotion(promotion).map((error) => [error.field, error.reason]);
  }
  const items = { include: { anyItem: true } };

  it.each([
    [{ type: 'linesAmount', items }, [['rules[0].reward.amount', 'required']]],
    [{ type: 'linesAmount', amount: 2.5, items }, [['rules[0].reward.amount', 'invalid_type']]],
    [{ type: 'linesAmount', amount: 0, items }, [['rules[0].reward.amount', 'out_of_range']]],
    [{ type: 'linesAmount', amount: 100 }, [['rules[0].reward.items', 'required']]],
    [{ type: 'fixedOrderTotal' }, [['rules[0].reward.amount', 'required']]],
    [{ type: 'fixedOrderTotal', amount: '50' }, [['rules[0].reward.amount', 'invalid_type']]],
    [{ type: 'fixedOrderTotal', amount: -1 }, [['rules[0].reward.amount', 'out_of_range']]],
  ])('refuses %j', (reward, expected) => {
    expect(rewardErrors(reward)).toEqual(expected);
  });

  it('accepts a fixed order total of 0 and one unit off each line', () => {
    expect(rewardErrors({ type: 'fixedOrderTotal', amount: 0 })).toEqual([]);
    expect(rewardErrors({ type: 'linesAmount', amount: 1, items })).toEqual([]);
  });

  it('refuses every new amount under currency "any" as not_allowed, where it stands', () => {
    const any = { currency: 'any' };
    expect(rewardErrors({ type: 'linesAmount', amount: 100, items }, any)).toEqual([['rules[0].reward.amount', 'not_allowed']]);
    expect(rewardErrors({ type: 'fixedOrderTotal', amount: 100 }, any)).toEqual([['rules[0].reward.amount', 'not_allowed']]);
    expect(rewardErrors({ type: 'itemsPercent', percent: 10, applyTo: 'each', items: { include: { unitPrice: { min: 100, max: 900 } } } }, any)).toEqual([
      ['rules[0].reward.items.include.unitPrice.min', 'not_allowed'],
      ['rules[0].reward.items.include.unitPrice.max', 'not_allowed'],
    ]);
  });
});

describe('maxRounds (README rule 22)', () => {
  const bogo = { type: 'buyXgetY', buy: { quantity: 1, items: { anyItem: true } }, get: { quantity: 1, items: { anyItem: true }, percent: 100 }, frequency: 'unlimited' };
  function rewardErrors(reward: unknown): [string, string][] {
    return validatePromotion({ id: 'p', kind: 'automatic', priority: 1, rules: [{ reward }] }).map((error) => [error.field, error.reason]);
  }

  it.each([
    [{ ...bogo, maxRounds: 1.5 }, 'invalid_type'],
    [{ ...bogo, maxRounds: 0 }, 'out_of_range'],
    [{ ...bogo, frequency: 'once', maxRounds: 2 }, 'not_allowed'],
    [{ type: 'orderPercent', percent: 10, maxRounds: 2 }, 'not_allowed'],
  ])('refuses %j', (reward, reason) => {
    expect(rewardErrors(reward)).toEqual([['rules[0].reward.maxRounds', reason]]);
  });

  it('accepts one round on an unlimited buyXgetY', () => {
    expect(rewardErrors({ ...bogo, maxRounds: 1 })).toEqual([]);
  });
});

describe('Version 2 shipping methods (README rule 22)', () => {
  const method = { methodId: 'm1', zone: 'domestic', method: 'standard', amount: 500 };

  it('accepts a list of methods, with or without a country, and an empty list', () => {
    expect(cartErrors({ shipping: [method, { ...method, methodId: 'm2', country: 'US' }] })).toEqual([]);
    expect(cartErrors({ shipping: [] })).toEqual([]);
  });

  it.each(['methodId', 'zone', 'method'])('refuses a missing, empty or mistyped %s', (key) => {
    const { [key]: _left, ...without } = method as Readonly<Record<string, unknown>>;
    expect(cartErrors({ shipping: [method, without] })).toEqual([[`cart.shipping[1].${key}`, 'required']]);
    expect(cartErrors({ shipping: [{ ...method, [key]: '' }] })).toEqual([[`cart.shipping[0].${key}`, 'required']]);
    expect(cartErrors({ shipping: [{ ...method, [key]: 7 }] })).toEqual([[`cart.shipping[0].${key}`, 'invalid_type']]);
  });

  it('refuses a methodId used twice', () => {
    expect(cartErrors({ shipping: [method, { ...method }] })).toEqual([['cart.shipping[1].methodId', 'duplicate']]);
  });

  it.each([
    [undefined, 'required'],
    [5.5, 'invalid_type'],
    ['500', 'invalid_type'],
    [-1, 'out_of_range'],
  ])('refuses an amount of %j', (amount, reason) => {
    expect(cartErrors({ shipping: [{ ...method, amount }] })).toEqual([['cart.shipping[0].amount', reason]]);
  });
});

describe('maxDiscount, budget and limits (README rule 22)', () => {
  function promotionErrors(extra: Readonly<Record<string, unknown>>, reward: unknown = { type: 'orderPercent', percent: 10 }): [string, string][] {
    return validatePromotion({ id: 'p', kind: 'automatic', priority: 1, rules: [{ reward }], ...extra }).map((error) => [error.field, error.reason]);
  }

  it.each([
    [{ type: 'orderPercent', percent: 10, maxDiscount: 2.5 }, 'invalid_type'],
    [{ type: 'orderPercent', percent: 10, maxDiscount: '100' }, 'invalid_type'],
    [{ type: 'orderPercent', percent: 10, maxDiscount: 0 }, 'out_of_range'],
    [{ type: 'gift', sku: 'G', maxDiscount: 100 }, 'not_allowed'],
    [{ type: 'tiered', tiers: [{ atLeast: 0, reward: { type: 'orderAmount', amount: 5 } }], maxDiscount: 100 }, 'not_allowed'],
  ])('refuses the reward %j', (reward, reason) => {
    expect(promotionErrors({}, reward)).toEqual([['rules[0].reward.maxDiscount', reason]]);
  });

  it("accepts a cap on a tier's reward and reports a bad one at the tier's path", () => {
    const tier = (maxDiscount: unknown): unknown => ({ type: 'tiered', tiers: [{ atLeast: 0, reward: { type: 'orderPercent', percent: 10, maxDiscount } }] });
    expect(promotionErrors({}, tier(500))).toEqual([]);
    expect(promotionErrors({}, tier(0))).toEqual([['rules[0].reward.tiers[0].reward.maxDiscount', 'out_of_range']]);
  });

  it.each([
    [{ budgetRemaining: 1.5 }, 'limits.budgetRemaining', 'invalid_type'],
    [{ budgetRemaining: -1 }, 'limits.budgetRemaining', 'out_of_range'],
    [{ budgetRemaining: 100, currency: 'USD' }, 'limits.currency', 'not_allowed'],
  ])('refuses the limits %j', (limits, field, reason) => {
    expect(promotionErrors({ limits })).toEqual([[field, reason]]);
  });

  it('accepts a budget of 0 and a limits currency equal to the targeted one, and refuses another', () => {
    expect(promotionErrors({ limits: { budgetRemaining: 0, currency: 'USD' }, targeting: { currency: 'USD' } })).toEqual([]);
    expect(promotionErrors({ limits: { currency: 'EUR' }, targeting: { currency: 'USD' } })).toEqual([['limits.currency', 'not_allowed']]);
  });

  it('refuses maxDiscount and a budget under currency "any"', () => {
    expect(promotionErrors({ targeting: { currency: 'any' }, limits: { budgetRemaining: 100 } }, { type: 'orderPercent', percent: 10, maxDiscount: 100 })).toEqual([
      ['limits.budgetRemaining', 'not_allowed'],
      ['rules[0].reward.maxDiscount', 'not_allowed'],
    ]);
  });
});
