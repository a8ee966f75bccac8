import { tryPrice } from '../index';
import { parsePricingInput } from './parse-pricing-input';

const input = {
  cart: { cartId: 'c', channel: 'web', currency: 'USD', currencyExponent: 2, customer: null, lines: [{ lineId: 'l1', sku: 's', productId: 'p', quantity: 2, unitPrice: 500 }], codes: [], shipping: null },
  promotions: [{ id: 'a', kind: 'automatic', priority: 1, rules: [{ reward: { type: 'orderPercent', percent: 10 } }] }],
  settings: { maxCodesPerOrder: 1, calculation: 'cumulative', zeroPriceTriggers: true, overriddenPriceQualifies: false, timeZone: 'UTC' },
  at: '2026-11-20T15:00:00Z',
};

describe('parsePricingInput', () => {
  it('accepts a well-formed request and prices it', () => {
    const priced = tryPrice(input);
    if (!priced.ok) throw new Error(JSON.stringify(priced.errors));
    expect(priced.result.total).toBe(900);
  });

  it('reports cart, settings, promotion and time errors together with their paths', () => {
    const result = parsePricingInput({
      ...input,
      cart: { ...input.cart, currency: 'usd', lines: [{ lineId: 'l1', sku: 's', productId: 'p', quantity: 0, unitPrice: 1.5 }] },
      settings: { ...input.settings, calculation: 'sometimes', timeZone: 'Nowhere/Land' },
      promotions: [{ id: 'a', kind: 'automatic', rules: [{ reward: { type: 'orderPercent', percent: -1 } }] }],
      at: 'yesterday',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([
      'cart.currency',
      'cart.lines[0].quantity',
      'cart.lines[0].unitPrice',
      'settings.calculation',
      'settings.timeZone',
      'promotions[0].rules[0].reward.percent',
      'at',
    ]);
  });

  it.each([undefined, null, 'cart', 3, [], { cart: [] }, { cart: { lines: [null] } }])('never throws on %j', (garbage) => {
    const result = parsePricingInput(garbage);
    expect(result.ok).toBe(false);
  });
});
