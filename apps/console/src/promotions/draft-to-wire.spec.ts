import { draftToWire } from './draft-to-wire';
import { type ConditionNode, emptyFilter, emptyItems } from './condition-draft';
import { emptyDraft, emptyReward } from './promotion-draft';

const subtotal = { type: 'leaf', kind: 'subtotalAtLeast', value: '', items: emptyItems() } as const;
const category = (...values: string[]) => ({ ...emptyFilter(), lists: { ...emptyFilter().lists, category: values } });

describe('draftToWire', () => {
  it('writes a tiered subtotal reward with amounts in minor units', () => {
    const draft = {
      ...emptyDraft('USD'),
      id: 'tiers',
      name: 'Spend more, save more',
      priority: '3',
      rules: [
        {
          condition: { ...subtotal, value: '50' },
          reward: {
            ...emptyReward('tiered'),
            tiers: [
              { atLeast: '50', reward: { ...emptyReward('orderPercent'), percent: '10' } },
              { atLeast: '100.5', reward: { ...emptyReward('orderAmount'), amount: '20' } },
            ],
          },
        },
      ],
    };
    const { body, errors } = draftToWire(draft);
    expect(errors).toEqual([]);
    expect(body).toEqual({
      id: 'tiers',
      name: 'Spend more, save more',
      kind: 'automatic',
      priority: 3,
      stopAfter: false,
      stacking: 'combinable',
      enabled: true,
      targeting: { currency: 'USD' },
      rules: [
        {
          conditions: { subtotalAtLeast: 5000 },
          reward: { type: 'tiered', basis: 'subtotal', tiers: [{ atLeast: 5000, reward: { type: 'orderPercent', percent: 10 } }, { atLeast: 10050, reward: { type: 'orderAmount', amount: 2000 } }] },
        },
      ],
    });
  });

  it('names the field of an amount it cannot read, as the API would', () => {
    const draft = { ...emptyDraft('JPY'), id: 'x', rules: [{ condition: { ...subtotal, value: '10.5' }, reward: { ...emptyReward('orderAmount'), amount: '100' } }] };
    expect(draftToWire(draft).errors.map((e) => e.field)).toEqual(['rules[0].conditions.subtotalAtLeast']);
  });

  it('writes a coupon with codes, a recurring schedule in a zone and limits', () => {
    const draft = {
      ...emptyDraft('EUR'),
      id: 'weekend',
      kind: 'coupon' as const,
      codes: 'WEEKEND, SAT10',
      scheduleStart: '2026-12-01T00:00',
      scheduleTimeZone: 'Europe/Berlin',
      recurring: true,
      recurringWeekdays: ['SAT', 'SUN'],
      recurringFrom: '09:00',
      recurringTo: '18:00',
      usesPerCustomer: '1',
      rules: [{ condition: null, reward: { ...emptyReward('itemsPercent'), percent: '15', items: 'category: shoes' } }],
    };
    const { body } = draftToWire(draft);
    expect(body['codes']).toEqual(['WEEKEND', 'SAT10']);
    expect(body['schedule']).toEqual({ start: '2026-12-01T00:00:00', timeZone: 'Europe/Berlin', recurring: { everyNWeeks: 1, weekdays: ['SAT', 'SUN'], from: '09:00', to: '18:00' } });
    expect(body['limits']).toEqual({ usesPerCustomer: 1 });
    expect(body['rules']).toEqual([{ reward: { type: 'itemsPercent', percent: 15, items: { include: { category: ['shoes'] } }, applyTo: 'each', maxQuantityPerLine: null } }]);
  });

  it('sends "unlimited" on an item reward, so the discount repeats per time the condition is met', () => {
    const draft = { ...emptyDraft('USD'), id: 'tees', rules: [{ condition: null, reward: { ...emptyReward('itemsAmount'), amount: '4', items: 'category: tees', applyTo: 'cheapest' as const, applyCount: '1', frequency: 'unlimited' as const } }] };
    expect(draftToWire(draft).body['rules']).toEqual([{ reward: { type: 'itemsAmount', amount: 400, items: { include: { category: ['tees'] } }, applyTo: { cheapest: 1 }, maxQuantityPerLine: null, frequency: 'unlimited' } }]);
  });

  it('writes nested all / any / not blocks with an item exclusion, each amount in minor units', () => {
    const condition: ConditionNode = {
      type: 'group',
      operator: 'all',
      children: [
        { ...subtotal, value: '40' },
        {
          type: 'group',
          operator: 'any',
          children: [
            { type: 'leaf', kind: 'quantityAtLeast', value: '2', items: { ...emptyItems(), include: category('shoes'), exclude: category('sale') } },
            { type: 'not', child: { type: 'leaf', kind: 'valueAtLeast', value: '12.5', items: { ...emptyItems(), bare: true, include: { ...emptyFilter(), named: { ...emptyFilter().named, option: { name: 'color', values: ['red'] } } } } } },
          ],
        },
        { type: 'leaf', kind: 'lineQuantityAtLeast', value: '3', items: emptyItems() },
      ],
    };
    const draft = { ...emptyDraft('USD'), id: 'nested', rules: [{ condition, reward: emptyReward('freeShipping') }] };
    const { body, errors } = draftToWire(draft);
    expect(errors).toEqual([]);
    expect(body['rules']).toEqual([
      {
        conditions: {
          all: [
            { subtotalAtLeast: 4000 },
            { any: [{ quantityAtLeast: { count: 2, items: { include: { category: ['shoes'] }, exclude: { category: ['sale'] } } } }, { not: { valueAtLeast: { amount: 1250, items: { option: { name: 'color', in: ['red'] } } } } }] },
            { lineQuantityAtLeast: { quantity: 3 } },
          ],
        },
        reward: { type: 'freeShipping', zones: null, methods: null },
      },
    ]);
  });

  it('writes the Version 2 on-sale and unit-price pickers, the price bounds in minor units (README rule 17)', () => {
    const items = { ...emptyItems(), include: { ...category('shoes'), unitPriceMin: '20', unitPriceMax: '99.50' }, exclude: { ...emptyFilter(), onSale: 'true' as const } };
    const withItems = (i: typeof items) => ({
      ...emptyDraft('USD'),
      id: 'v2',
      rules: [{ condition: { type: 'leaf' as const, kind: 'quantityAtLeast' as const, value: '1', items: i }, reward: { ...emptyReward('orderPercent'), percent: '5' } }],
    });
    expect(draftToWire(withItems(items)).body['rules']).toEqual([
      { conditions: { quantityAtLeast: { count: 1, items: { include: { category: ['shoes'], unitPrice: { min: 2000, max: 9950 } }, exclude: { onSale: true } } } }, reward: { type: 'orderPercent', percent: 5 } },
    ]);
    const bad = withItems({ ...items, include: { ...items.include, unitPriceMax: 'lots' } });
    expect(draftToWire(bad).errors.map((e) => e.field)).toEqual(['rules[0].conditions.quantityAtLeast.items.include.unitPrice.max']);
  });

  it('names the path of a nested block that does not convert, as the API would', () => {
    const condition: ConditionNode = { type: 'group', operator: 'any', children: [{ type: 'not', child: { type: 'leaf', kind: 'quantityAtLeast', value: 'two', items: emptyItems() } }, { type: 'json', json: '{"all": [' }] };
    const draft = { ...emptyDraft('USD'), id: 'bad', rules: [{ condition, reward: { ...emptyReward('orderPercent'), percent: '5' } }] };
    expect(draftToWire(draft).errors.map((e) => e.field)).toEqual(['rules[0].conditions.any[0].not.quantityAtLeast.count', 'rules[0].conditions.any[1]']);
  });
});
