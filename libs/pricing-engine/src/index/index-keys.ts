import { assertNever } from '../assert-never';
import type { PreparedLine } from '../cart/prepare-cart';
import type { Condition, Filter, Promotion } from '../model/promotion';

/** An index key: what the value names (its space: product, sku, variant, category, brand, or a custom field or option by name) and the value. */
export interface IndexKey {
  readonly space: string;
  readonly value: string;
}

/**
 * Index keys: a promotion whose conditions need a line matching one of its keys cannot apply
 * to a cart whose qualifying lines have none of them, so the index never looks at it.
 */
const spaceOf = {
  product: 'p',
  sku: 's',
  variant: 'v',
  category: 'c',
  brand: 'b',
  customField: (name: string) => `f:${name}`,
  option: (name: string) => `o:${name}`,
};

/** Keys of which a matching line must have one; null when the filter can match lines without a key. */
export function filterKeys(filter: Filter): IndexKey[] | null {
  switch (filter.kind) {
    case 'product':
    case 'sku':
    case 'variant':
    case 'category':
    case 'brand': {
      const space = spaceOf[filter.kind];
      return [...filter.values].map((value) => ({ space, value }));
    }
    case 'customField':
    case 'option': {
      const space = spaceOf[filter.kind](filter.name);
      return [...filter.values].map((value) => ({ space, value }));
    }
    case 'all': {
      // Any one of the required parts is a valid requirement; take the narrowest.
      let best: IndexKey[] | null = null;
      for (const inner of filter.filters) {
        const keys = filterKeys(inner);
        if (keys !== null && (best === null || keys.length < best.length)) best = keys;
      }
      return best;
    }
    case 'any': {
      const union: IndexKey[] = [];
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
    case 'unitPrice':
    case 'customFieldNumber':
      return null;
    default:
      return assertNever(filter);
  }
}

/** Keys of which the cart must have one for the condition to be met; null when it needs none. */
export function conditionKeys(condition: Condition): IndexKey[] | null {
  switch (condition.kind) {
    case 'quantityAtLeast':
      return condition.count > 0 ? filterKeys(condition.items.include) : null;
    case 'valueAtLeast':
      return condition.amount > 0 ? filterKeys(condition.items.include) : null;
    case 'lineQuantityAtLeast':
      return condition.quantity > 0 ? filterKeys(condition.items.include) : null;
    case 'all': {
      let best: IndexKey[] | null = null;
      for (const inner of condition.conditions) {
        const keys = conditionKeys(inner);
        if (keys !== null && (best === null || keys.length < best.length)) best = keys;
      }
      return best;
    }
    case 'any': {
      const union: IndexKey[] = [];
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

/** Keys of which the cart must have one for any rule of the promotion to qualify, each once; null = always look. */
export function promotionKeys(promotion: Promotion): IndexKey[] | null {
  const union = new Map<string, Set<string>>();
  const keys: IndexKey[] = [];
  for (const rule of promotion.rules) {
    const ruleKeys = conditionKeys(rule.conditions);
    if (ruleKeys === null) return null;
    for (const key of ruleKeys) {
      let values = union.get(key.space);
      if (values === undefined) {
        values = new Set();
        union.set(key.space, values);
      }
      if (values.has(key.value)) continue;
      values.add(key.value);
      keys.push(key);
    }
  }
  return keys;
}

/** Calls `visit` with every key a qualifying line offers to the index (without building key strings per cart). */
export function visitLineKeys(line: PreparedLine, visit: (space: string, value: string) => void): void {
  visit(spaceOf.product, line.productId);
  visit(spaceOf.sku, line.sku);
  if (line.variantId !== null) visit(spaceOf.variant, line.variantId);
  for (const path of line.categoryPaths) visit(spaceOf.category, path);
  if (line.brand !== null) visit(spaceOf.brand, line.brand);
  for (const [name, value] of Object.entries(line.customFields)) visit(spaceOf.customField(name), value);
  for (const [name, value] of Object.entries(line.options)) visit(spaceOf.option(name), value);
}
