import { prepareCart } from '../cart/prepare-cart';
import type { Filter } from '../model/promotion';
import { aCart } from '../../test/builders/cart.builder';
import { someSettings } from '../../test/builders/promotion.builder';
import type { ValidationError } from '../validation/issues';
import { parseFilter, parseItems } from '../validation/parse-filter';
import { matchesFilter, matchesItems } from './line-filter';

function filter(raw: unknown): Filter {
  const errors: ValidationError[] = [];
  const parsed = parseFilter(raw, 'items', errors);
  if (parsed === undefined) throw new Error(JSON.stringify(errors));
  return parsed;
}

const [tee, zero] = prepareCart(
  aCart()
    .withLine({ productId: 'p-tee', sku: 'TEE-RED-M', variantId: 'v-red-m', unitPrice: 2500, brand: 'Fenty', categories: ['apparel/tops'], customFields: { age: 'kids' }, options: { color: 'red' } })
    .withLine({ unitPrice: 0, categories: ['samples'] })
    .build(),
  someSettings({ zeroPriceTriggers: false }),
).lines;

describe('matchesFilter', () => {
  if (tee === undefined || zero === undefined) throw new Error('lines missing');

  it.each([
    [{ product: ['p-tee'] }, true],
    [{ product: ['p-other'] }, false],
    [{ sku: ['TEE-RED-M'] }, true],
    [{ variant: ['v-red-m'] }, true],
    [{ category: ['apparel'] }, true],
    [{ category: ['apparel/tops/'] }, true],
    [{ category: ['apparel/top'] }, false],
    [{ brand: ['Fenty', 'Farmacy'] }, true],
    [{ customField: { name: 'age', in: ['kids'] } }, true],
    [{ customField: { name: 'age', in: ['adults'] } }, false],
    [{ option: { name: 'color', in: ['red'] } }, true],
    [{ option: { name: 'size', in: ['red'] } }, false],
    [{ onSale: false }, true],
    [{ onSale: true }, false],
    [{ anyItem: true }, true],
    [{ all: [{ brand: ['Fenty'] }, { not: { onSale: true } }] }, true],
    [{ any: [{ brand: ['Nope'] }, { option: { name: 'color', in: ['red'] } }] }, true],
    [{ not: { brand: ['Fenty'] } }, false],
  ])('%j matches the red kids tee: %s', (raw, expected) => {
    expect(matchesFilter(filter(raw), tee)).toBe(expected);
  });

  it('keeps a $0 line out of every reward when $0 lines do not trigger (P9)', () => {
    const errors: ValidationError[] = [];
    const items = parseItems({ include: { anyItem: true } }, 'items', errors);
    if (items === undefined) throw new Error('items');
    expect(matchesItems(items, zero)).toBe(false);
    expect(matchesItems(items, tee)).toBe(true);
  });

  it('lets an exclusion win over an inclusion (P3)', () => {
    const errors: ValidationError[] = [];
    const items = parseItems({ include: { category: ['apparel'] }, exclude: { brand: ['Fenty'] } }, 'items', errors);
    if (items === undefined) throw new Error('items');
    expect(matchesItems(items, tee)).toBe(false);
  });
});
