import { validatePromotion, validatePromotions } from './parse-promotion';

const ok = { id: 'p', kind: 'automatic', priority: 1, rules: [{ reward: { type: 'orderPercent', percent: 10 } }] };

describe('validatePromotion', () => {
  it('accepts a well-formed promotion', () => {
    expect(validatePromotion(ok)).toEqual([]);
  });

  it('reports every error with the field path as written', () => {
    const errors = validatePromotion({
      id: 'bad',
      kind: 'automatic',
      targeting: { currency: 'any' },
      schedule: { start: '2026-05-01T00:00:00', end: '2026-04-01T00:00:00' },
      rules: [
        { reward: { type: 'orderPercent', percent: 150 } },
        { reward: { type: 'orderAmount', amount: -5 } },
        { reward: { type: 'teleport' } },
        { reward: { type: 'gift', quantity: 1 } },
        { reward: { type: 'itemsAmount', amount: 100, applyTo: 'each', items: { include: { anyItem: true } } } },
      ],
    });
    expect(errors.map((e) => [e.field, e.reason])).toEqual([
      ['schedule.end', 'end_not_after_start'],
      ['rules[0].reward.percent', 'out_of_range'],
      ['rules[1].reward.amount', 'out_of_range'],
      ['rules[2].reward.type', 'unknown_type'],
      ['rules[3].reward.sku', 'required'],
      ['rules[4].reward.amount', 'amount_needs_currency'],
    ]);
    for (const error of errors) expect(error.detail.length).toBeGreaterThan(0);
  });

  it.each([null, 42, 'promo', [], { id: 7 }, { rules: 'x' }, { id: 'p', kind: 'coupon', rules: [{ reward: {} }] }])(
    'never throws on garbage input %j',
    (garbage) => {
      const errors = validatePromotion(garbage);
      expect(errors.length).toBeGreaterThan(0);
    },
  );

  it('refuses a coupon without codes', () => {
    expect(validatePromotion({ ...ok, kind: 'coupon' })).toEqual([expect.objectContaining({ field: 'codes', reason: 'required' })]);
  });

  it('refuses conditions with amounts under currency "any"', () => {
    const errors = validatePromotion({ ...ok, targeting: { currency: 'any' }, rules: [{ conditions: { subtotalAtLeast: 100 }, reward: { type: 'orderPercent', percent: 5 } }] });
    expect(errors).toEqual([expect.objectContaining({ field: 'rules[0].conditions.subtotalAtLeast', reason: 'amount_needs_currency' })]);
  });
});

describe('validatePromotions', () => {
  it('prefixes paths with the index and finds duplicate ids and codes (C2)', () => {
    const errors = validatePromotions(
      [
        { id: 'a', kind: 'coupon', codes: ['SAVE'], rules: [{ reward: { type: 'orderPercent', percent: 5 } }] },
        { id: 'a', kind: 'coupon', codes: [' save '], rules: [{ reward: { type: 'orderPercent', percent: 5 } }] },
        { id: 'c', kind: 'automatic', rules: [{ reward: { type: 'orderPercent', percent: 101 } }] },
      ],
      'promotions',
    );
    expect(errors.map((e) => [e.field, e.reason])).toEqual([
      ['promotions[1].id', 'duplicate'],
      ['promotions[1].codes[0]', 'duplicate'],
      ['promotions[2].rules[0].reward.percent', 'out_of_range'],
    ]);
  });
});
