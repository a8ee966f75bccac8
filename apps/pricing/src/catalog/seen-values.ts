import type { Cart, CartLine } from '@promo/pricing-engine';

/** What a filter picker can ask about (the engine's filter keys, parse-filter.ts). */
export const SEEN_KINDS = ['product', 'sku', 'variant', 'category', 'brand', 'option', 'customField'] as const;
export type SeenKind = (typeof SEEN_KINDS)[number];

export interface SeenValue {
  readonly value: string;
  /** How many lines of the examined carts carried it. */
  readonly lines: number;
}

/** A line as a cart builder can add it again: the latest one seen of each SKU and currency; `unitPrice` in minor units. */
export interface SeenProduct {
  readonly sku: string;
  readonly productId: string;
  readonly variantId: string | null;
  readonly categories: readonly string[];
  readonly brand: string | null;
  readonly currency: string;
  readonly unitPrice: number;
}

/** The values of `kind` on one line; for options and custom fields, their names, or the values of the one `name`. */
function valuesOf(line: CartLine, kind: SeenKind, name: string | null): readonly string[] {
  switch (kind) {
    case 'product':
      return [line.productId];
    case 'sku':
      return [line.sku];
    case 'variant':
      return line.variantId === undefined || line.variantId === null ? [] : [line.variantId];
    case 'category':
      return line.categories ?? [];
    case 'brand':
      return line.brand === undefined || line.brand === null ? [] : [line.brand];
    case 'option':
      return namedValues(line.options ?? {}, name);
    case 'customField':
      return namedValues(line.customFields ?? {}, name);
  }
}

function namedValues(fields: Readonly<Record<string, unknown>>, name: string | null): readonly string[] {
  if (name === null) return Object.keys(fields);
  const value = fields[name];
  return typeof value === 'string' ? [value] : [];
}

/** Each distinct value, most lines first, then alphabetically; at most `limit`. */
export function seenValues(carts: readonly Cart[], kind: SeenKind, name: string | null, limit: number): SeenValue[] {
  const counts = new Map<string, number>();
  for (const cart of carts) {
    for (const line of cart.lines) {
      for (const value of new Set(valuesOf(line, kind, name))) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([value, lines]) => ({ value, lines }))
    .sort((a, b) => b.lines - a.lines || a.value.localeCompare(b.value))
    .slice(0, limit);
}

/** The latest line of each SKU and currency in `carts` (newest first), as a cart builder adds it; at most `limit`. */
export function seenProducts(carts: readonly Cart[], limit: number): SeenProduct[] {
  const products = new Map<string, SeenProduct>();
  for (const cart of carts) {
    for (const line of cart.lines) {
      const key = JSON.stringify([line.sku, cart.currency]);
      if (products.has(key)) continue;
      products.set(key, {
        sku: line.sku,
        productId: line.productId,
        variantId: line.variantId ?? null,
        categories: line.categories ?? [],
        brand: line.brand ?? null,
        currency: cart.currency,
        unitPrice: line.unitPrice,
      });
    }
  }
  return [...products.values()].slice(0, limit);
}
