import type { Cart } from '@promo/pricing-engine';
import { seenProducts, seenValues } from './seen-values';

const cart = (cartId: string, currency: string, lines: Cart['lines']): Cart => ({ cartId, channel: 'web', currency, lines });

const newest = cart('c2', 'USD', [
  { lineId: 'l1', sku: 'BOOT-42', productId: 'boot', quantity: 1, unitPrice: 9000, categories: ['apparel/shoes', 'sale'], brand: 'Ridge', options: { size: '42' } },
  { lineId: 'l2', sku: 'TEE-M', productId: 'tee', quantity: 2, unitPrice: 2500, categories: ['apparel/tops'], customFields: { age: 'kids', weight: 3 } },
]);
const older = cart('c1', 'USD', [
  { lineId: 'l1', sku: 'BOOT-42', productId: 'boot', quantity: 1, unitPrice: 8500, categories: ['apparel/shoes'], brand: 'Ridge', options: { size: '42', color: 'red' } },
]);

describe('seenValues', () => {
  it('counts the lines that carry each category, most first, then by name', () => {
    expect(seenValues([newest, older], 'category', null, 10)).toEqual([
      { value: 'apparel/shoes', lines: 2 },
      { value: 'apparel/tops', lines: 1 },
      { value: 'sale', lines: 1 },
    ]);
  });

  it('lists option names, or the values of one option, and only text custom fields', () => {
    expect(seenValues([newest, older], 'option', null, 10)).toEqual([{ value: 'size', lines: 2 }, { value: 'color', lines: 1 }]);
    expect(seenValues([newest, older], 'option', 'color', 10)).toEqual([{ value: 'red', lines: 1 }]);
    expect(seenValues([newest], 'customField', 'weight', 10)).toEqual([]);
    expect(seenValues([newest], 'customField', 'age', 10)).toEqual([{ value: 'kids', lines: 1 }]);
  });

  it('stops at the limit and skips lines without a brand', () => {
    expect(seenValues([newest, older], 'brand', null, 10)).toEqual([{ value: 'Ridge', lines: 2 }]);
    expect(seenValues([newest, older], 'sku', null, 1)).toEqual([{ value: 'BOOT-42', lines: 2 }]);
  });
});

describe('seenProducts', () => {
  it('keeps the newest line of each SKU with its price in minor units', () => {
    expect(seenProducts([newest, older], 10)).toEqual([
      { sku: 'BOOT-42', productId: 'boot', variantId: null, categories: ['apparel/shoes', 'sale'], brand: 'Ridge', currency: 'USD', unitPrice: 9000 },
      { sku: 'TEE-M', productId: 'tee', variantId: null, categories: ['apparel/tops'], brand: null, currency: 'USD', unitPrice: 2500 },
    ]);
  });
});
