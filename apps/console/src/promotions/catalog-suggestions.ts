/** Values the item pickers suggest: what the recent carts carried (pricing's GET /v1/catalog/seen) and what the promotions already filter on. */
import type { PricingPaths, QueryOf } from '@promo/client';
import { LIST_FILTER_KEYS, NAMED_FILTER_KEYS } from './condition-draft';

/** A picker's suggestion key: a list filter (`category`), the names of options or custom fields (`option`), or one name's values (`option:color`). */
export type SuggestionKey = string;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Every filter value anywhere in the promotions (conditions, rewards, nested filters), by suggestion key, in first-seen order. */
export function filterValuesOf(promotions: unknown): ReadonlyMap<SuggestionKey, readonly string[]> {
  const found = new Map<SuggestionKey, Set<string>>();
  const add = (key: SuggestionKey, values: readonly string[]) => {
    const set = found.get(key) ?? new Set<string>();
    for (const value of values) if (value !== '') set.add(value);
    found.set(key, set);
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, part] of Object.entries(value)) {
      const listKey = LIST_FILTER_KEYS.find((k) => k === key);
      const namedKey = NAMED_FILTER_KEYS.find((k) => k === key);
      if (listKey !== undefined && Array.isArray(part)) add(listKey, strings(part));
      else if (namedKey !== undefined && isRecord(part) && typeof part['name'] === 'string') {
        add(namedKey, [part['name']]);
        add(`${namedKey}:${part['name']}`, strings(part['in']));
      } else walk(part);
    }
  };
  walk(promotions);
  return new Map([...found].map(([key, set]) => [key, [...set]]));
}

/** Seen values first (most used first), then the promotions' own ones not already there. */
export function mergeSuggestions(seen: readonly string[], own: readonly string[]): readonly string[] {
  return [...new Set([...seen, ...own])];
}

/** The catalog route's query for a suggestion key. */
export function seenQuery(key: SuggestionKey): { readonly kind: SeenKind; readonly name?: string } {
  const [kind, ...name] = key.split(':');
  const seenKind = (kind ?? key) as SeenKind; // SuggestionKey starts with one of the catalog route's kinds
  return name.length > 0 ? { kind: seenKind, name: name.join(':') } : { kind: seenKind };
}

/** The kinds pricing's `GET /v1/catalog/seen` lists (its OpenAPI document). */
type SeenKind = NonNullable<NonNullable<QueryOf<PricingPaths, 'get', '/v1/catalog/seen'>>['kind']>;
