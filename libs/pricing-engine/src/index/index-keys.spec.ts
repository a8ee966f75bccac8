import { aCart } from '../../test/builders/cart.builder';
import { anAutomatic, someSettings } from '../../test/builders/promotion.builder';
import { prepareCart } from '../cart/prepare-cart';
import type { Promotion } from '../model/promotion';
import { parsePromotion } from '../validation/parse-promotion';
import { promotionKeys, visitLineKeys } from './index-keys';

function withConditions(...conditions: unknown[]): Promotion {
  const result = parsePromotion(anAutomatic('p', {}, { rules: conditions.map((c) => ({ conditions: c, reward: { type: 'orderPercent', percent: 5 } })) }));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const inCategory = (...categories: string[]) => ({ quantityAtLeast: { count: 1, items: { include: { category: categories } } } });

describe('promotionKeys', () => {
  it('files a promotion under the categories its condition needs', () => {
    expect(promotionKeys(withConditions(inCategory('shoes', 'bags')))).toEqual([{ space: 'c', value: 'shoes' }, { space: 'c', value: 'bags' }]);
  });

  it('needs no key when a rule has no condition, or one that any cart can meet', () => {
    expect(promotionKeys(withConditions(undefined))).toBeNull();
    expect(promotionKeys(withConditions({ subtotalAtLeast: 5000 }))).toBeNull();
    expect(promotionKeys(withConditions({ quantityAtLeast: { count: 0, items: { include: { sku: ['A'] } } } }))).toBeNull();
    expect(promotionKeys(withConditions(inCategory('shoes'), undefined))).toBeNull();
  });

  it('takes the union of its rules\' keys, each once', () => {
    const keys = promotionKeys(withConditions(inCategory('shoes'), { valueAtLeast: { amount: 100, items: { include: { brand: ['Ridge'] } } } }, inCategory('shoes')));
    expect(keys).toEqual([{ space: 'c', value: 'shoes' }, { space: 'b', value: 'Ridge' }]);
  });

  it('takes the narrowest part of an `all`, and needs none for an `any` with a part that needs none', () => {
    const narrow = { all: [inCategory('a', 'b'), { lineQuantityAtLeast: { quantity: 2, items: { include: { sku: ['X'] } } } }] };
    expect(promotionKeys(withConditions(narrow))).toEqual([{ space: 's', value: 'X' }]);
    expect(promotionKeys(withConditions({ any: [inCategory('a'), { subtotalAtLeast: 1 }] }))).toBeNull();
    expect(promotionKeys(withConditions({ any: [inCategory('a'), { valueAtLeast: { amount: 1, items: { include: { product: ['p9'] } } } }] }))).toEqual([
      { space: 'c', value: 'a' },
      { space: 'p', value: 'p9' },
    ]);
  });

  it('needs no key for a negation, which lines without the key can meet', () => {
    expect(promotionKeys(withConditions({ not: inCategory('shoes') }))).toBeNull();
  });
});

describe('visitLineKeys', () => {
  it('offers every key of a line: product, sku, variant, each category path, brand, text fields and options', () => {
    const cart = aCart()
      .withLine({ unitPrice: 100, productId: 'p1', sku: 'S1', variantId: 'v1', categories: ['a/b'], brand: 'Ridge', customFields: { color: 'red', size: 42 }, options: { fit: 'slim' } })
      .build();
    const [line] = prepareCart(cart, someSettings()).lines;
    const visited: string[] = [];
    if (line !== undefined) visitLineKeys(line, (space, value) => visited.push(`${space}=${value}`));
    expect(visited).toEqual(['p=p1', 's=S1', 'v=v1', 'c=a', 'c=a/b', 'b=Ridge', 'f:color=red', 'o:fit=slim']);
  });
});
