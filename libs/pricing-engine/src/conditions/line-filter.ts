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
    case 'unitPrice':
      return (filter.min === null || line.unitPrice >= filter.min) && (filter.max === null || line.unitPrice <= filter.max);
    case 'customFieldNumber': {
      const value = line.numericFields[filter.name];
      return value !== undefined && (filter.gte === null || value >= filter.gte) && (filter.lte === null || value <= filter.lte) && (filter.eq === null || value === filter.eq);
    }
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

function matchesSelector(items: ItemSelector, line: PreparedLine): boolean {
  return matchesFilter(items.include, line) && (items.exclude === null || !matchesFilter(items.exclude, line));
}

/**
 * Whether a line is among a reward's `items`: it must be a reward line (README rules 0 and 10), match the
 * inclusion and not the exclusion; exclusion wins (P3).
 */
export function matchesItems(items: ItemSelector, line: PreparedLine): boolean {
  return line.isRewardLine && matchesSelector(items, line);
}

/** Whether a line is among a condition's `items`: the same, for a condition line (README rule 10). */
export function matchesConditionItems(items: ItemSelector, line: PreparedLine): boolean {
  return line.isConditionLine && matchesSelector(items, line);
}

function selectInto(
  selections: Map<ItemSelector, readonly number[]>,
  items: ItemSelector,
  cart: PreparedCart,
  matches: (items: ItemSelector, line: PreparedLine) => boolean,
): readonly number[] {
  const known = selections.get(items);
  if (known !== undefined) return known;
  const selected: number[] = [];
  for (const line of cart.lines) if (matches(items, line)) selected.push(line.index);
  selections.set(items, selected);
  return selected;
}

/** Indexes of the reward lines among `items`, in canonical line order; worked out once per cart and selector. */
export function selectLines(items: ItemSelector, cart: PreparedCart): readonly number[] {
  return selectInto(cart.lineSelections, items, cart, matchesItems);
}

/** Indexes of the condition lines among `items` (README rule 10), in canonical line order, once per cart and selector. */
export function selectConditionLines(items: ItemSelector, cart: PreparedCart): readonly number[] {
  return selectInto(cart.conditionLineSelections, items, cart, matchesConditionItems);
}
