import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateHttpSchema } from '@promo/contracts';
import { parsePromotion, parseSettings } from '@promo/pricing-engine';
import { parsePromotionDraft } from '../promotions/promotion-draft';
import { parseStoreLocale } from '../settings/store-locale';

// #24: the promotion and the settings are validated by the engine's parsers and described by the contracts' schema
// files (promotion.schema.json, store-settings.schema.json) that the OpenAPI document is generated from. These
// cases keep the two from drifting apart silently: what the parser accepts the schema accepts, what the schema
// refuses the parser refuses, and what only the parser refuses is listed below (the schema says it in words).

interface Scenario {
  readonly id: string;
  readonly settings: unknown;
  readonly promotions: readonly unknown[];
}

function scenarios(file: string): readonly Scenario[] {
  const text = readFileSync(path.resolve(__dirname, '../../../../libs/pricing-engine/test/conformance', file), 'utf8');
  return (JSON.parse(text) as { scenarios: Scenario[] }).scenarios;
}

const CONFORMANCE = [...scenarios('scenarios.json'), ...scenarios('scenarios-v2.json')];
const EVERY_PROMOTION = CONFORMANCE.flatMap((scenario) => scenario.promotions.map((promotion, i): [string, unknown] => [`${scenario.id} promotions[${i}]`, promotion]));

const automatic = (rest: Record<string, unknown>): Record<string, unknown> => ({ id: 'p1', kind: 'automatic', rules: [{ reward: { type: 'orderPercent', percent: 10 } }], ...rest });
const withReward = (reward: unknown): Record<string, unknown> => automatic({ rules: [{ reward }] });
const withConditions = (conditions: unknown): Record<string, unknown> => automatic({ rules: [{ conditions, reward: { type: 'orderPercent', percent: 10 } }] });

/** Promotions the engine refuses, each with the field it names; the schema must refuse every one. */
const INVALID: readonly (readonly [string, unknown, string])[] = [
  ['not an object', [], '(root)'],
  ['no id', { kind: 'automatic', rules: [{ reward: { type: 'orderAmount', amount: 100 } }] }, 'id'],
  ['an unknown kind', automatic({ kind: 'bundle' }), 'kind'],
  ['no rules', automatic({ rules: [] }), 'rules'],
  ['a rule without a reward', automatic({ rules: [{ conditions: { subtotalAtLeast: 100 } }] }), 'rules[0].reward'],
  ['an unknown reward type', withReward({ type: 'cashback', amount: 100 }), 'rules[0].reward.type'],
  ['a percentage over 100', withReward({ type: 'orderPercent', percent: 120 }), 'rules[0].reward.percent'],
  ['a negative amount', withReward({ type: 'orderAmount', amount: -5 }), 'rules[0].reward.amount'],
  ['a fractional amount', withReward({ type: 'orderAmount', amount: 5.5 }), 'rules[0].reward.amount'],
  ['a maxDiscount of 0', withReward({ type: 'orderAmount', amount: 500, maxDiscount: 0 }), 'rules[0].reward.maxDiscount'],
  ['a buy-x-get-y without get', withReward({ type: 'buyXgetY', buy: { quantity: 2 } }), 'rules[0].reward.get'],
  ['a tiered reward without tiers', withReward({ type: 'tiered', tiers: [] }), 'rules[0].reward.tiers'],
  ['a tier of tiers', withReward({ type: 'tiered', tiers: [{ atLeast: 1, reward: { type: 'tiered', tiers: [{ atLeast: 1, reward: { type: 'orderAmount', amount: 1 } }] } }] }), 'rules[0].reward.tiers[0].reward.type'],
  ['an items reward with applyTo cheapest 0', withReward({ type: 'itemsPercent', percent: 10, applyTo: { cheapest: 0 } }), 'rules[0].reward.applyTo.cheapest'],
  ['a gift without a sku', withReward({ type: 'gift', quantity: 1 }), 'rules[0].reward.sku'],
  ['an unknown condition', withConditions({ weatherIsSunny: true }), 'rules[0].conditions.weatherIsSunny'],
  ['a negative subtotal condition', withConditions({ subtotalAtLeast: -1 }), 'rules[0].conditions.subtotalAtLeast'],
  ['a line quantity of 0', withConditions({ lineQuantityAtLeast: { quantity: 0 } }), 'rules[0].conditions.lineQuantityAtLeast.quantity'],
  ['an unknown filter', withConditions({ quantityAtLeast: { count: 2, items: { colour: ['red'] } } }), 'rules[0].conditions.quantityAtLeast.items.colour'],
  ['an empty filter', withConditions({ quantityAtLeast: { count: 2, items: { include: {} } } }), 'rules[0].conditions.quantityAtLeast.items.include'],
  ['a nested unknown filter', withReward({ type: 'itemsPercent', percent: 10, items: { any: [{ sku: ['A'] }, { shade: ['B'] }] } }), 'rules[0].reward.items.any[1].shade'],
  ['an unknown stacking', automatic({ stacking: 'sometimes' }), 'stacking'],
  ['an unknown rules mode', automatic({ rulesMode: 'first' }), 'rulesMode'],
  ['a coupon without codes', { id: 'c1', kind: 'coupon', rules: [{ reward: { type: 'orderPercent', percent: 10 } }] }, 'codes'],
  ['a coupon with a blank code', { id: 'c1', kind: 'coupon', codes: ['  '], rules: [{ reward: { type: 'orderPercent', percent: 10 } }] }, 'codes[0]'],
  ['a schedule start that is no date', automatic({ schedule: { start: 'next monday' } }), 'schedule.start'],
  ['recurring on no weekday', automatic({ schedule: { recurring: { weekdays: [], from: '09:00', to: '17:00' } } }), 'schedule.recurring.weekdays'],
  ['an empty list of customer ids', automatic({ targeting: { customerIds: [] } }), 'targeting.customerIds'],
  ['a customer id listed twice', automatic({ targeting: { customerIds: ['cu-1', 'cu-1'] } }), 'targeting.customerIds[1]'],
  ['a currency that is no code', automatic({ targeting: { currency: 'dollars' } }), 'targeting.currency'],
];

/** Promotions the engine refuses for a rule the schema states only in its descriptions; the schema accepts them. */
const REFUSED_BY_THE_PARSER_ONLY: readonly (readonly [string, unknown, string])[] = [
  ['a percentage with three decimals', withReward({ type: 'orderPercent', percent: 12.345 }), 'rules[0].reward.percent'],
  ['an end before the start', automatic({ schedule: { start: '2026-03-08T00:00:00', end: '2026-03-01T00:00:00' } }), 'schedule.end'],
  ['a zone that is not IANA', automatic({ schedule: { timeZone: 'Mars/Olympus' } }), 'schedule.timeZone'],
  ['an amount with currency any', automatic({ targeting: { currency: 'any' }, rules: [{ reward: { type: 'orderAmount', amount: 500 } }] }), 'rules[0].reward.amount'],
  ['a maxDiscount on a gift', withReward({ type: 'gift', sku: 'MUG', quantity: 1, maxDiscount: 100 }), 'rules[0].reward.maxDiscount'],
];

const fieldsOf = (result: ReturnType<typeof parsePromotion>): readonly string[] => (result.ok ? [] : result.errors.map((error) => error.field));

describe('promotion.schema.json and the engine parser', () => {
  it.each(EVERY_PROMOTION)('both accept the conformance promotion %s', (_name, promotion) => {
    expect(fieldsOf(parsePromotion(promotion))).toEqual([]);
    expect(validateHttpSchema('promotion', promotion)).toEqual([]);
  });

  it.each(INVALID)('both refuse %s', (_name, promotion, field) => {
    expect(fieldsOf(parsePromotion(promotion))).toContain(field);
    expect(validateHttpSchema('promotion', promotion)).not.toEqual([]);
  });

  it.each(REFUSED_BY_THE_PARSER_ONLY)('only the parser refuses %s', (_name, promotion, field) => {
    expect(fieldsOf(parsePromotion(promotion))).toContain(field);
    expect(validateHttpSchema('promotion', promotion)).toEqual([]);
  });
});

describe("the admin body's schema and pricing's draft parser", () => {
  const coupon = { id: 'spring-25', kind: 'coupon', codes: ['SPRING25'], rules: [{ reward: { type: 'orderPercent', percent: 25 } }] };

  it.each([
    ['a coupon with limits, switched off', { ...coupon, enabled: false, limits: { totalUses: 100, usesPerCustomer: 2, consumeUnit: 'item', budget: 50_000 }, targeting: { currency: 'EUR' } }],
    ['a coupon whose codes live in code-inventory', { ...coupon, codes: [] }],
    ['a replacement carrying the version read', { ...coupon, version: 3 }],
  ])('both accept %s', (_name, body) => {
    const parsed = parsePromotionDraft(body);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(validateHttpSchema('promotion-admin-body', body)).toEqual([]);
  });

  it('both accept a replacement that leaves its id to the URL', () => {
    const { id, ...withoutId } = coupon;
    const parsed = parsePromotionDraft(withoutId, id);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(validateHttpSchema('promotion-admin-body', withoutId)).toEqual([]);
  });

  it.each([
    ['an id that could name another promotion’s keys', { ...coupon, id: 'a:b}' }, 'id'],
    ['an id over 100 characters', { ...coupon, id: 'p'.repeat(101) }, 'id'],
    ['a code over 64 characters', { ...coupon, codes: ['C'.repeat(65)] }, 'codes[0]'],
    ['a code with a control character', { ...coupon, codes: ['SPRING\u000725'] }, 'codes[0]'],
    ['an unknown limit', { ...coupon, limits: { perDay: 5 } }, 'limits.perDay'],
    ['a negative limit', { ...coupon, limits: { totalUses: -1 } }, 'limits.totalUses'],
    ['a switch that is no boolean', { ...coupon, enabled: 'yes' }, 'enabled'],
  ])('both refuse %s', (_name, body, field) => {
    const parsed = parsePromotionDraft(body);
    expect(parsed.ok ? [] : parsed.errors.map((error) => error.field)).toContain(field);
    expect(validateHttpSchema('promotion-admin-body', body)).not.toEqual([]);
  });
});

describe('store-settings.schema.json and the settings parsers', () => {
  const parse = (body: Record<string, unknown>): readonly string[] => {
    const settings = parseSettings(body);
    const locale = parseStoreLocale(body['locale']);
    return [...(settings.ok ? [] : settings.errors.map((error) => error.field)), ...(locale.ok ? [] : [locale.error.field])];
  };

  it.each(CONFORMANCE.map((scenario): [string, Record<string, unknown>] => [scenario.id, scenario.settings as Record<string, unknown>]))('both accept the settings of %s', (_name, settings) => {
    expect(parse(settings)).toEqual([]);
    expect(validateHttpSchema('store-settings', settings)).toEqual([]);
  });

  it('both accept an empty body, every field taking its default', () => {
    expect(parse({})).toEqual([]);
    expect(validateHttpSchema('store-settings', {})).toEqual([]);
  });

  it.each([
    ['a negative maxCodesPerOrder', { maxCodesPerOrder: -1 }, 'maxCodesPerOrder'],
    ['a fractional maxCodesPerOrder', { maxCodesPerOrder: 1.5 }, 'maxCodesPerOrder'],
    ['an unknown calculation', { calculation: 'sometimes' }, 'calculation'],
    ['a flag that is no boolean', { zeroPriceTriggers: 'yes' }, 'zeroPriceTriggers'],
    ['a zone that is no string', { timeZone: 42 }, 'timeZone'],
    ['an empty locale', { locale: '' }, 'locale'],
  ])('both refuse %s', (_name, body, field) => {
    expect(parse(body)).toContain(field);
    expect(validateHttpSchema('store-settings', body)).not.toEqual([]);
  });

  it('only the parsers refuse a zone that is not IANA and a tag no platform formats for', () => {
    expect(parse({ timeZone: 'Mars/Olympus', locale: 'xx-unknown-tag-1' })).toEqual(['timeZone', 'locale']);
    expect(validateHttpSchema('store-settings', { timeZone: 'Mars/Olympus', locale: 'xx-unknown-tag-1' })).toEqual([]);
  });
});
