import { assertNever } from '../assert-never';
import type { PreparedLine } from '../cart/prepare-cart';
import type { Condition, Filter, Promotion } from '../model/promotion';

/**
 * Index keys: a promotion whose conditions need a line matching one of its keys cannot apply
 * to a cart whose qualifying lines have none of them, so the index never looks at it.
 */
const keyOf = {
  product: (value: string) => `p:${value}`,
  sku: (value: string) => `s:${value}`,
  variant: (value: string) => `v:${value}`,
  category: (value: string) => `c:${value}`,
  brand: (value: string) => `b:${value}`,
  customField: (name: string, value: string) => `f:${name}=${value}`,
  option: (name: string, value: string) => `o:${name}=${value}`,
};

/** Keys of which a matching line must have one; null when the filter can match lines without a key. */
export function filterKeys(filter: Filter): string[] | null {
  switch (filter.kind) {
    case 'product':
    case 'sku':
    case 'variant':
    case 'category':
    case 'brand': {
      const make = keyOf[filter.kind];
      return [...filter.values].map((value) => make(value));
    }
    case 'customField':
    case 'option': {
      const make = keyOf[filter.kind];
      return [...filter.values].map((value) => make(filter.name, value));
    }
    case 'all': {
      // Any one of the required parts is a valid requirement; take the narrowest.
      let best: string[] | null = null;
      for (const inner of filter.filters) {
        const keys = filterKeys(inner);
        if (keys !== null && (best === null || keys.length < best.length)) best = keys;
      }
      return best;
    }
    case 'any': {
      const union: string[] = [];
      for (const inner of filter.filters) {
        const keys = filterKeys(inner);
        if (keys === null) return null;
        union.push(...keys);
      }
      return union;
    }
    case 'anyItem':
      return filter.value ? null : [];
    case 'onSale':
    case 'not':
      return null;
    default:
      return assertNever(filter);
  }
}

/** Keys of which the cart must have one for the condition to be met; null when it needs none. */
export function conditionKeys(condition: Condition): string[] | null {
  switch (condition.kind) {
    case 'quantityAtLeast':
      return condition.count > 0 ? filterKeys(condition.items.include) : null;
    case 'valueAtLeast':
      return condition.amount > 0 ? filterKeys(condition.items.include) : null;
    case 'all': {
      let best: string[] | null = null;
      for (const inner of condition.conditions) {
        const keys = conditionKeys(inner);
        if (keys !== null && (best === null || keys.length < best.length)) best = keys;
      }
      return best;
    }
    case 'any': {
      const union: string[] = [];
      for (const inner of condition.conditions) {
        const keys = conditionKeys(inner);
        if (keys === null) return null;
        union.push(...keys);
      }
      return union;
    }
    case 'none':
    case 'not':
    case 'subtotalAtLeast':
      return null;
    default:
      return assertNever(condition);
  }
}

/** Keys of which the cart must have one for any rule of the promotion to qualify; null = always look. */
export function promotionKeys(promotion: Promotion): string[] | null {
  const union = new Set<string>();
  for (const rule of promotion.rules) {
    const keys = conditionKeys(rule.conditions);
    if (keys === null) return null;
    for (const key of keys) union.add(key);
  }
  return [...union];
}

/** Every key a qualifying line offers to the index. */
export function lineKeys(line: PreparedLine): string[] {
  const keys = [keyOf.product(line.productId), keyOf.sku(line.sku)];
  if (line.variantId !== null) keys.push(keyOf.variant(line.variantId));
  for (const path of line.categoryPaths) keys.push(keyOf.category(path));
  if (line.brand !== null) keys.push(keyOf.brand(line.brand));
  for (const [name, value] of Object.entries(line.customFields)) keys.push(keyOf.customField(name, value));
  for (const [name, value] of Object.entries(line.options)) keys.push(keyOf.option(name, value));
  return keys;
}
