import { draftToWire } from './draft-to-wire';
import { emptyFilter, emptyItems } from './condition-draft';
import { WireReader, wireToDraft } from './wire-to-draft';

describe('wireToDraft', () => {
  it('reads a stored tiered promotion back so that saving it sends the same rules', () => {
    const stored = {
      id: 'tiers',
      name: 'Tiers',
      kind: 'automatic',
      priority: 4,
      stopAfter: true,
      stacking: 'exclusive',
      targeting: { currency: 'USD', channels: ['web'] },
      rules: [{ conditions: { valueAtLeast: { amount: 1999, items: { include: { sku: ['A'] } } } }, reward: { type: 'tiered', basis: 'quantity', tiers: [{ atLeast: 2, reward: { type: 'itemsAmount', amount: 150, items: { include: { sku: ['A'] } }, applyTo: { cheapest: 1 }, maxQuantityPerLine: null } }] } }],
      limits: { totalUses: 100, usesPerCode: null, usesPerCustomer: null, consumeUnit: 'cart' },
      enabled: true,
      version: 7,
      status: 'active',
    };
    const draft = wireToDraft(stored);
    expect(draft.version).toBe(7);
    expect(draft.rules[0]?.condition).toMatchObject({ type: 'leaf', kind: 'valueAtLeast', value: '19.99', items: { json: null, include: { lists: { sku: ['A'] } } } });
    const { body, errors } = draftToWire(draft);
    expect(errors).toEqual([]);
    expect(body['rules']).toEqual(stored.rules);
    expect(body['limits']).toEqual({ totalUses: 100 });
    expect(body['targeting']).toEqual({ currency: 'USD', channels: ['web'] });
  });

  it('reads a budget, customer ids and markets back so that saving them sends the same (#23)', () => {
    const stored = {
      id: 'v2',
      kind: 'automatic',
      priority: 1,
      stacking: 'combinable',
      targeting: { currency: 'USD', customerIds: ['cu-1', 'cu-2'], markets: ['us', 'ca'] },
      rules: [{ reward: { type: 'orderPercent', percent: 10 } }],
      limits: { totalUses: null, usesPerCode: null, usesPerCustomer: null, consumeUnit: 'cart', budget: 250_050 },
    };
    const { body, errors } = draftToWire(wireToDraft(stored));
    expect(errors).toEqual([]);
    expect(body['limits']).toEqual({ budget: 250_050 });
    expect(body['targeting']).toEqual({ currency: 'USD', customerIds: ['cu-1', 'cu-2'], markets: ['us', 'ca'] });
  });

  it('reads the Version 2 rewards and caps back so that saving them sends the same rules (#23)', () => {
    const rules = [
      { reward: { type: 'orderPercent', percent: 30, maxDiscount: 1000 } },
      { reward: { type: 'linesAmount', amount: 597, items: { include: { sku: ['A'] } } } },
      { reward: { type: 'fixedOrderTotal', amount: 5000, maxDiscount: 2500 } },
      {
        reward: {
          type: 'buyXgetY',
          buy: { quantity: 1, items: { include: { sku: ['A'] } } },
          get: { quantity: 1, items: { include: { sku: ['A'] } }, percent: 100 },
          pick: 'cheapest',
          frequency: 'unlimited',
          maxRounds: 2,
        },
      },
    ];
    const { body, errors } = draftToWire(wireToDraft({ id: 'caps', kind: 'automatic', priority: 1, targeting: { currency: 'USD' }, rules }));
    expect(errors).toEqual([]);
    expect(body['rules']).toEqual(rules);
  });

  it('sends no budget when the field is empty', () => {
    const draft = wireToDraft({ id: 'none', kind: 'automatic', rules: [{ reward: { type: 'orderPercent', percent: 10 } }], limits: { budget: null } });
    expect(draft.budget).toBe('');
    expect(draftToWire(draft).body['limits']).toBeUndefined();
  });

  it('reads nested all / any / not as blocks and keeps what the blocks cannot show as JSON in its place', () => {
    const conditions = { any: [{ subtotalAtLeast: 1 }, { not: { subtotalAtLeast: 5, quantityAtLeast: { count: 1 } } }] };
    const draft = wireToDraft({ id: 'n', kind: 'automatic', rules: [{ conditions, reward: { type: 'freeShipping', zones: null, methods: null } }] });
    expect(draft.rules[0]?.condition).toEqual({
      type: 'group',
      operator: 'any',
      children: [
        { type: 'leaf', kind: 'subtotalAtLeast', value: '0.01', items: emptyItems() },
        { type: 'not', child: { type: 'json', json: JSON.stringify({ subtotalAtLeast: 5, quantityAtLeast: { count: 1 } }, null, 2) } },
      ],
    });
    expect(draftToWire(draft).body['rules']).toEqual([{ conditions, reward: { type: 'freeShipping', zones: null, methods: null } }]);
  });

  it('reads include and exclude filters into pickers, and a filter without pickers as JSON', () => {
    const reader = new WireReader('USD');
    expect(reader.items({ include: { category: ['shoes'], brand: ['Ridge'] }, exclude: { customField: { name: 'age', in: ['kids'] } } })).toEqual({
      bare: false,
      include: { ...emptyFilter(), lists: { ...emptyFilter().lists, category: ['shoes'], brand: ['Ridge'] } },
      exclude: { ...emptyFilter(), named: { ...emptyFilter().named, customField: { name: 'age', values: ['kids'] } } },
      json: null,
    });
    expect(reader.items({ exclude: { onSale: true, unitPrice: { max: 999 } } })).toEqual({ ...emptyItems(), exclude: { ...emptyFilter(), onSale: 'true', unitPriceMax: '9.99' } });
    expect(reader.items({ include: { anyItem: true } })).toEqual({ ...emptyItems(), json: '{"include":{"anyItem":true}}' });
    expect(reader.items({ include: { unitPrice: { min: 100, max: null } } })).toEqual({ ...emptyItems(), json: '{"include":{"unitPrice":{"min":100,"max":null}}}' });
    expect(reader.items({ category: [] })).toEqual({ ...emptyItems(), json: '{"category":[]}' });
  });

  it('keeps an amount finer than the currency as JSON rather than rounding it', () => {
    expect(new WireReader('JPY').condition({ valueAtLeast: { amount: 5 } })).toMatchObject({ type: 'leaf', value: '5' });
    expect(new WireReader('USD').condition({ subtotalAtLeast: 1.5 })).toEqual({ type: 'json', json: '{\n  "subtotalAtLeast": 1.5\n}' });
  });

  it('reads the Version 2 reward kinds back as themselves, so saving keeps them', () => {
    const rules = [
      { reward: { type: 'linesAmount', amount: 250, items: { include: { category: ['tees'] } } } },
      { reward: { type: 'fixedOrderTotal', amount: 5000 } },
    ];
    const draft = wireToDraft({ id: 'v2', kind: 'automatic', targeting: { currency: 'USD' }, rules });
    expect(draft.rules.map((rule) => rule.reward.type)).toEqual(['linesAmount', 'fixedOrderTotal']);
    expect(draft.rules[0]?.reward).toMatchObject({ amount: '2.50', items: 'category: tees' });
    expect(draft.rules[1]?.reward.amount).toBe('50.00');
    expect(draftToWire(draft).body['rules']).toEqual(rules);
  });
});
