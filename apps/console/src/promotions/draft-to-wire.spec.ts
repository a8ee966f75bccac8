import { draftToWire } from './draft-to-wire';
import { emptyDraft, emptyReward } from './promotion-draft';

describe('draftToWire', () => {
  it('writes a tiered subtotal reward with amounts in minor units', () => {
    const draft = {
      ...emptyDraft('USD'),
      id: 'tiers',
      name: 'Spend more, save more',
      priority: '3',
      rules: [
        {
          condition: { kind: 'subtotalAtLeast' as const, amount: '50', count: '', items: 'all', json: '' },
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
    const draft = { ...emptyDraft('JPY'), id: 'x', rules: [{ condition: { kind: 'subtotalAtLeast' as const, amount: '10.5', count: '', items: 'all', json: '' }, reward: { ...emptyReward('orderAmount'), amount: '100' } }] };
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
      rules: [{ condition: { kind: 'none' as const, amount: '', count: '', items: 'all', json: '' }, reward: { ...emptyReward('itemsPercent'), percent: '15', items: 'category: shoes' } }],
    };
    const { body } = draftToWire(draft);
    expect(body['codes']).toEqual(['WEEKEND', 'SAT10']);
    expect(body['schedule']).toEqual({ start: '2026-12-01T00:00:00', timeZone: 'Europe/Berlin', recurring: { everyNWeeks: 1, weekdays: ['SAT', 'SUN'], from: '09:00', to: '18:00' } });
    expect(body['limits']).toEqual({ usesPerCustomer: 1 });
    expect(body['rules']).toEqual([{ reward: { type: 'itemsPercent', percent: 15, items: { include: { category: ['shoes'] } }, applyTo: 'each', maxQuantityPerLine: null } }]);
  });

  it('sends "unlimited" on an item reward, so the discount repeats per time the condition is met', () => {
    const draft = { ...emptyDraft('USD'), id: 'tees', rules: [{ condition: { kind: 'none' as const, amount: '', count: '', items: 'all', json: '' }, reward: { ...emptyReward('itemsAmount'), amount: '4', items: 'category: tees', applyTo: 'cheapest' as const, applyCount: '1', frequency: 'unlimited' as const } }] };
    expect(draftToWire(draft).body['rules']).toEqual([{ reward: { type: 'itemsAmount', amount: 400, items: { include: { category: ['tees'] } }, applyTo: { cheapest: 1 }, maxQuantityPerLine: null, frequency: 'unlimited' } }]);
  });
});
