import { prepareCart } from '../cart/prepare-cart';
import type { Condition, Filter } from '../model/promotion';
import { aCart } from '../../test/builders/cart.builder';
import { aCoupon, someSettings } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';
import type { ValidationError } from '../validation/issues';
import { parseCondition } from '../validation/parse-condition';
import { parseFilter } from '../validation/parse-filter';
import { checkCondition, timesConditionMet } from './condition-registry';
import { matchesFilter } from './line-filter';

function filter(raw: unknown): Filter {
  const errors: ValidationError[] = [];
  const parsed = parseFilter(raw, 'items', errors);
  if (parsed === undefined) throw new Error(JSON.stringify(errors));
  return parsed;
}

function condition(raw: unknown): Condition {
  const errors: ValidationError[] = [];
  const parsed = parseCondition(raw, 'conditions', errors);
  if (parsed === undefined) throw new Error(JSON.stringify(errors));
  return parsed;
}

const [decimal, text, flag] = prepareCart(
  aCart()
    .withLine({ unitPrice: 1000, customFields: { weightKg: 2.5, size: 'M' } })
    .withLine({ unitPrice: 2000, customFields: { weightKg: '5' } })
    .withLine({ unitPrice: 3000, customFields: { weightKg: true } })
    .build(),
  someSettings(),
).lines;

describe('numeric custom-field and unit-price filters (README rule 17)', () => {
  if (decimal === undefined || text === undefined || flag === undefined) throw new Error('lines missing');
  it.each([
    [{ customField: { name: 'weightKg', eq: 2.50 } }, true],
    [{ customField: { name: 'weightKg', gte: 2.5 } }, true],
    [{ customField: { name: 'weightKg', gte: 2.51 } }, false],
    [{ customField: { name: 'weightKg', lte: 2.5, gte: 0 } }, true],
    [{ customField: { name: 'weightKg', lte: 2.49 } }, false],
    [{ customField: { name: 'size', gte: 0 } }, false],
    [{ customField: { name: 'size', in: ['M'] } }, true],
    [{ unitPrice: { min: 1000 } }, true],
    [{ unitPrice: { max: 1000 } }, true],
    [{ unitPrice: { min: 1001 } }, false],
    [{ unitPrice: { min: 0, max: 999 } }, false],
  ])('%j on a 10.00 line weighing 2.5: %s', (raw, expected) => {
    expect(matchesFilter(filter(raw), decimal)).toBe(expected);
  });

  it('never matches a string, a boolean or a missing field numerically', () => {
    const anyWeight = filter({ customField: { name: 'weightKg', gte: 0 } });
    expect([text, flag].map((line) => matchesFilter(anyWeight, line))).toEqual([false, false]);
  });
});

describe('lineQuantityAtLeast (README rule 17)', () => {
  const cart = prepareCart(aCart().withLine({ unitPrice: 100, quantity: 2 }).withLine({ unitPrice: 100, quantity: 3, categories: ['mugs'] }).build(), someSettings());

  it('never adds quantities of different lines, and reports what the largest line lacks', () => {
    expect(checkCondition(condition({ lineQuantityAtLeast: { quantity: 3 } }), cart)).toEqual({ met: true, missing: null });
    expect(checkCondition(condition({ lineQuantityAtLeast: { quantity: 5 } }), cart)).toEqual({ met: false, missing: { quantity: 2 } });
    expect(checkCondition(condition({ lineQuantityAtLeast: { quantity: 3, items: { category: ['general'] } } }), cart)).toEqual({ met: false, missing: { quantity: 1 } });
  });

  it('reports the whole quantity missing when no line matches', () => {
    expect(checkCondition(condition({ lineQuantityAtLeast: { quantity: 2, items: { category: ['none'] } } }), cart)).toEqual({ met: false, missing: { quantity: 2 } });
  });

  it('gives an unlimited gift ⌊q ÷ n⌋ times, q the largest matching line', () => {
    expect(timesConditionMet(condition({ lineQuantityAtLeast: { quantity: 1 } }), cart)).toBe(3);
    const gift = aCoupon('mug', { type: 'gift', sku: 'G', quantity: 1, frequency: 'unlimited' }, { rules: [{ conditions: { lineQuantityAtLeast: { quantity: 2 } }, reward: { type: 'gift', sku: 'G', quantity: 1, frequency: 'unlimited' } }] });
    const cartWithCode = aCart().withLine({ unitPrice: 100, quantity: 2 }).withLine({ unitPrice: 100, quantity: 5 }).withCodes('MUG').build();
    expect(priceWith([gift], cartWithCode).gifts).toEqual([{ promotionId: 'mug', sku: 'G', quantity: 2 }]);
  });
});
