import { parsePriceRequest } from './price-request';

const cart = (fields: Record<string, unknown>): Record<string, unknown> => ({
  cartId: 'c1',
  channel: 'web',
  currency: 'USD',
  customer: null,
  lines: [{ lineId: 'l1', sku: 's1', productId: 'p1', quantity: 1, unitPrice: 1000, categories: [] }],
  shipping: null,
  ...fields,
});

const refusals = (body: unknown): [string, string][] => {
  const parsed = parsePriceRequest(body);
  return parsed.ok ? [] : parsed.errors.map((error) => [error.field, error.reason]);
};

// The cart.updated consumer parses carts with this function and no HTTP pipe in front of it.
describe('parsePriceRequest bounds (#19)', () => {
  it('refuses a code with a control character, the bulk-only placeholder among them', () => {
    expect(refusals(cart({ codes: ['\u0000bulk-only', 'A\u0001B', 'OK', 'DEL\u007f'] }))).toEqual([
      ['codes[0]', 'invalid_character'],
      ['codes[1]', 'invalid_character'],
      ['codes[3]', 'invalid_character'],
    ]);
  });

  it('refuses a code over 64 characters once trimmed and a token over 1,000, with the field path under a prefix', () => {
    expect(refusals(cart({ codes: [` ${'C'.repeat(64)} `, 'C'.repeat(65)], token: 't'.repeat(1001) }))).toEqual([
      ['token', 'too_long'],
      ['codes[1]', 'too_long'],
    ]);
    const prefixed = parsePriceRequest(cart({ codes: ['A\u0001B'] }), 'cart');
    expect(prefixed.ok ? [] : prefixed.errors.map((error) => error.field)).toEqual(['cart.codes[0]']);
  });

  it('takes a token of 1,000 characters', () => {
    expect(parsePriceRequest(cart({ codes: ['OK'], token: 't'.repeat(1000) })).ok).toBe(true);
  });
});
