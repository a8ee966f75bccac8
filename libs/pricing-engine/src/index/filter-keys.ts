import { assertNever } from '../assert-never';
import type { Filter } from '../model/promotion';

/** An index key: what the value names (its space: product, sku, variant, category, brand, or a custom field or option by name) and the value. */
export interface IndexKey {
  readonly space: string;
  readonly value: string;
}

/**
 * Index keys: a promotion whose conditions need a line matching one of its keys cannot apply
 * to a cart whose qualifying lines have none of them, so the index never looks at it.
 */
export const spaceOf = {
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
    case 'all':
      return narrowestKeys(filter.filters, filterKeys);
    case 'any':
      return unionOfKeys(filter.filters, filterKeys);
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

/** Keys of parts that must all hold: any one part's keys are a valid requirement, so the narrowest. */
export function narrowestKeys<T>(parts: readonly T[], keysOf: (part: T) => IndexKey[] | null): IndexKey[] | null {
  let best: IndexKey[] | null = null;
  for (const part of parts) {
    const keys = keysOf(part);
    if (keys !== null && (best === null || keys.length < best.length)) best = keys;
  }
  return best;
}

/** Keys of parts of which one must hold: every part's keys, or null when one part needs none. */
export function unionOfKeys<T>(parts: readonly T[], keysOf: (part: T) => IndexKey[] | null): IndexKey[] | null {
  const union: IndexKey[] = [];
  for (const part of parts) {
    const keys = keysOf(part);
    if (keys === null) return null;
    union.push(...keys);
  }
  return union;
}
