import { assertNever } from '../assert-never';
import type { PreparedCart, PreparedLine } from '../cart/prepare-cart';
import type { Filter, ItemSelector } from '../model/promotion';

/** Whether a line matches a filter (P3); a category matches itself and everything under it. */
export function matchesFilter(filter: Filter, line: PreparedLine): boolean {
  switch (filter.kind) {
    case 'anyItem':
      return filter.value;
    case 'product':
      return filter.values.has(line.productId);
    case 'sku':
      return filter.values.has(line.sku);
    case 'variant':
      return line.variantId !== null && filter.values.has(line.variantId);
    case 'category':
      for (const path of line.categoryPaths) if (filter.values.has(path)) return true;
      return false;
    case 'brand':
      return line.brand !== null && filter.values.has(line.brand);
    case 'customField': {
      const value = line.customFields[filter.name];
      return value !== undefined && filter.values.has(value);
    }
    case 'option': {
      const value = line.options[filter.name];
      return value !== undefined && filter.values.has(value);
    }
    case 'onSale':
      return line.onSale === filter.value;
    case 'all':
      return filter.filters.every((inner) => matchesFilter(inner, line));
    case 'any':
      return filter.filters.some((inner) => matchesFilter(inner, line));
    case 'not':
      return !matchesFilter(filter.filter, line);
    default:
      return assertNever(filter);
  }
}

/**
 * Whether a line is among `items`: it must qualify (README rule 0), match the inclusion and
 * not the exclusion; exclusion wins (P3).
 */
export function matchesItems(items: ItemSelector, line: PreparedLine): boolean {
  return line.qualifies && matchesFilter(items.include, line) && (items.exclude === null || !matchesFilter(items.exclude, line));
}

/** Indexes of the lines among `items`, in canonical line order; worked out once per cart and selector. */
export function selectLines(items: ItemSelector, cart: PreparedCart): readonly number[] {
  const known = cart.lineSelections.get(items);
  if (known !== undefined) return known;
  const selected: number[] = [];
  for (const line of cart.lines) if (matchesItems(items, line)) selected.push(line.index);
  cart.lineSelections.set(items, selected);
  return selected;
}
