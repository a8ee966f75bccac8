import { prepareCart } from '../cart/prepare-cart';
import type { Condition } from '../model/promotion';
import { aCart } from '../../test/builders/cart.builder';
import { someSettings } from '../../test/builders/promotion.builder';
import type { ValidationError } from '../validation/issues';
import { parseCondition } from '../validation/parse-condition';
import { checkCondition, timesConditionMet } from './condition-registry';

function condition(raw: unknown): Condition {
  const errors: ValidationError[] = [];
  const parsed = parseCondition(raw, 'conditions', errors);
  if (parsed === undefined || errors.length > 0) throw new Error(JSON.stringify(errors));
  return parsed;
}

const cart = prepareCart(
  aCart()
    .withLine({ unitPrice: 1500, quantity: 2, categories: ['apparel/shoes/boots'], brand: 'Ridge' })
    .withLine({ unitPrice: 1000, categories: ['apparel/shoes', 'sale'], onSale: true })
    .withLine({ unitPrice: 2500, giftCertificate: true, categories: ['apparel/shoes'] })
    .withLine({ unitPrice: 4000, priceOverridden: true, categories: ['apparel/shoes'] })
    .build(),
  someSettings(),
);

describe('subtotalAtLeast.condition', () => {
  it('counts qualifying lines only (no gift certificate, no overridden price) and includes equality', () => {
    expect(checkCondition(condition({ subtotalAtLeast: 4000 }), cart)).toEqual({ met: true, missing: null });
  });

  it('says how much is missing', () => {
    expect(checkCondition(condition({ subtotalAtLeast: 4200 }), cart)).toEqual({ met: false, missing: { subtotal: 200 } });
  });

  it('counts times met for unlimited gifts', () => {
    expect(timesConditionMet(condition({ subtotalAtLeast: 1500 }), cart)).toBe(2);
  });
});

describe('quantityAtLeast.condition', () => {
  it('counts units of matching lines, a category covering its subcategories', () => {
    expect(checkCondition(condition({ quantityAtLeast: { count: 3, items: { category: ['apparel/shoes'] } } }), cart).met).toBe(true);
  });

  it('says how many units are missing', () => {
    expect(checkCondition(condition({ quantityAtLeast: { count: 4, items: { category: ['apparel'] } } }), cart)).toEqual({ met: false, missing: { quantity: 1 } });
  });

  it('does not let a partial path segment match a category', () => {
    expect(checkCondition(condition({ quantityAtLeast: { count: 1, items: { category: ['apparel/sho'] } } }), cart).met).toBe(false);
  });
});

describe('valueAtLeast.condition', () => {
  it('sums matching qualifying line totals', () => {
    expect(checkCondition(condition({ valueAtLeast: { amount: 3000, items: { brand: ['Ridge'] } } }), cart).met).toBe(true);
    expect(checkCondition(condition({ valueAtLeast: { amount: 3001, items: { brand: ['Ridge'] } } }), cart)).toEqual({ met: false, missing: { value: 1 } });
  });

  it('accepts include/exclude items, exclusion winning', () => {
    const c = condition({ valueAtLeast: { amount: 1, items: { include: { category: ['apparel/shoes'] }, exclude: { category: ['sale'] } } } });
    expect(checkCondition(c, cart).met).toBe(true);
    expect(timesConditionMet(condition({ valueAtLeast: { amount: 1000, items: { category: ['apparel'] } } }), cart)).toBe(4);
  });
});

describe('all-any-not.condition', () => {
  it('all: every part holds; the first failing part says what is missing', () => {
    const c = condition({ all: [{ subtotalAtLeast: 100 }, { subtotalAtLeast: 5000 }] });
    expect(checkCondition(c, cart)).toEqual({ met: false, missing: { subtotal: 1000 } });
  });

  it('any: one part is enough', () => {
    expect(checkCondition(condition({ any: [{ subtotalAtLeast: 9000 }, { quantityAtLeast: { count: 1, items: { onSale: true } } }] }), cart).met).toBe(true);
  });

  it('not: negates and reports nothing missing', () => {
    expect(checkCondition(condition({ not: { subtotalAtLeast: 100 } }), cart)).toEqual({ met: false, missing: null });
    expect(checkCondition(condition({ not: { subtotalAtLeast: 9000 } }), cart).met).toBe(true);
  });

  it('treats no condition as met', () => {
    expect(checkCondition(condition(undefined), cart).met).toBe(true);
  });
});
