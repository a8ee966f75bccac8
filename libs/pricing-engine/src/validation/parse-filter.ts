import type { Filter, ItemSelector } from '../model/promotion';
import { type Errors, describeValue, fail, fieldPath, indexPath, isRecord, readInteger, readString, readStringList } from './issues';

const LIST_KEYS = ['product', 'sku', 'variant', 'category', 'brand'] as const;
const ALL_KEYS = new Set<string>([...LIST_KEYS, 'anyItem', 'customField', 'option', 'onSale', 'unitPrice', 'all', 'any', 'not']);

/** A filter (P3) from its wire shape, e.g. `{"category": ["apparel/shoes"]}`. */
export function parseFilter(value: unknown, path: string, errors: Errors): Filter | undefined {
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `A filter must be an object, got ${describeValue(value)}.`);
  const keys = Object.keys(value);
  if (keys.length === 0) return fail(errors, path, 'required', 'A filter needs one of anyItem, product, sku, variant, category, brand, customField, option, onSale, all, any, not.');
  const parts: Filter[] = [];
  let ok = true;
  for (const key of keys) {
    if (!ALL_KEYS.has(key)) {
      fail(errors, fieldPath(path, key), 'unknown_type', `Unknown filter "${key}".`);
      ok = false;
      continue;
    }
    const part = parseFilterKey(value, key, path, errors);
    if (part === undefined) ok = false;
    else parts.push(part);
  }
  if (!ok) return undefined;
  const [only] = parts;
  return parts.length === 1 && only !== undefined ? only : { kind: 'all', filters: parts };
}

function parseFilterKey(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors): Filter | undefined {
  const field = fieldPath(path, key);
  switch (key) {
    case 'product':
    case 'sku':
    case 'variant':
    case 'category':
    case 'brand': {
      const list = readStringList(obj, key, path, errors, { required: true });
      if (list === undefined) return undefined;
      const values = new Set(key === 'category' ? list.map(normalizeCategory) : list);
      return { kind: key, values };
    }
    case 'anyItem':
    case 'onSale': {
      const flag = obj[key];
      if (typeof flag !== 'boolean') return fail(errors, field, 'invalid_type', `${key} must be true or false.`);
      return { kind: key, value: flag };
    }
    case 'unitPrice':
      return parseUnitPrice(obj[key], field, errors);
    case 'customField': {
      const spec = obj[key];
      if (isRecord(spec) && NUMERIC_COMPARISONS.some((name) => name in spec)) return parseCustomFieldNumber(spec, field, errors);
      if (isRecord(spec) && !('in' in spec)) return fail(errors, field, 'required', 'customField needs "in" or at least one of gte, lte, eq.');
      return parseInList(obj, key, field, errors);
    }
    case 'option':
      return parseInList(obj, key, field, errors);
    case 'all':
    case 'any': {
      const list = obj[key];
      if (!Array.isArray(list)) return fail(errors, field, 'invalid_type', `${key} must be an array of filters.`);
      const filters: Filter[] = [];
      let ok = true;
      list.forEach((entry: unknown, i: number) => {
        const parsed = parseFilter(entry, indexPath(field, i), errors);
        if (parsed === undefined) ok = false;
        else filters.push(parsed);
      });
      return ok ? { kind: key, filters } : undefined;
    }
    case 'not': {
      const inner = parseFilter(obj[key], field, errors);
      return inner === undefined ? undefined : { kind: 'not', filter: inner };
    }
    default:
      return fail(errors, field, 'unknown_type', `Unknown filter "${key}".`);
  }
}

const NUMERIC_COMPARISONS = ['gte', 'lte', 'eq'] as const;

/** `{"name", "in": [..]}` of a custom field or an option (P3). */
function parseInList(obj: Readonly<Record<string, unknown>>, key: 'customField' | 'option', field: string, errors: Errors): Filter | undefined {
  const spec = obj[key];
  if (!isRecord(spec)) return fail(errors, field, 'invalid_type', `${key} must be {"name", "in": [..]}${key === 'customField' ? ' or {"name", "gte", "lte", "eq"}' : ''}.`);
  const name = readString(spec, 'name', field, errors);
  const values = readStringList(spec, 'in', field, errors, { required: true });
  if (name === undefined || values === undefined) return undefined;
  return { kind: key, name, values: new Set(values) };
}

/** README rules 17 and 22: `{"name", "gte", "lte", "eq"}`, JSON numbers, at least one of them, `gte` ≤ `lte`, never with `in`. */
function parseCustomFieldNumber(spec: Readonly<Record<string, unknown>>, field: string, errors: Errors): Filter | undefined {
  const errorsBefore = errors.length;
  const name = readString(spec, 'name', field, errors);
  if ('in' in spec) return fail(errors, field, 'not_allowed', 'customField takes either "in" or numeric comparisons (gte, lte, eq), not both.');
  const bounds: Record<(typeof NUMERIC_COMPARISONS)[number], number | null> = { gte: null, lte: null, eq: null };
  for (const comparison of NUMERIC_COMPARISONS) {
    const bound = spec[comparison];
    if (bound === undefined || bound === null) continue;
    if (typeof bound === 'number' && Number.isFinite(bound)) bounds[comparison] = bound;
    else fail(errors, fieldPath(field, comparison), 'invalid_type', `${comparison} must be a number, got ${describeValue(bound)}.`);
  }
  if (bounds.gte !== null && bounds.lte !== null && bounds.gte > bounds.lte) {
    fail(errors, fieldPath(field, 'lte'), 'out_of_range', `lte must be at least gte (${bounds.gte}), got ${bounds.lte}.`);
  }
  if (errors.length > errorsBefore || name === undefined) return undefined;
  return { kind: 'customFieldNumber', name, ...bounds };
}

/** README rules 17 and 22: `{"min", "max"}` in minor units, at least one given, both integers ≥ 0, `min` ≤ `max`. */
function parseUnitPrice(value: unknown, field: string, errors: Errors): Filter | undefined {
  if (!isRecord(value)) return fail(errors, field, 'invalid_type', `unitPrice must be {"min", "max"}, got ${describeValue(value)}.`);
  const hasMin = value['min'] !== undefined && value['min'] !== null;
  const hasMax = value['max'] !== undefined && value['max'] !== null;
  if (!hasMin && !hasMax) return fail(errors, field, 'required', 'unitPrice needs min, max or both.');
  const min = hasMin ? readInteger(value, 'min', field, errors, { min: 0 }) : null;
  const max = hasMax ? readInteger(value, 'max', field, errors, { min: 0 }) : null;
  if (min === undefined || max === undefined) return undefined;
  if (min !== null && max !== null && min > max) return fail(errors, fieldPath(field, 'max'), 'out_of_range', `max must be at least min (${min}), got ${max}.`);
  return { kind: 'unitPrice', min, max };
}

/** Category paths compare without surrounding slashes: "apparel/shoes/" is "apparel/shoes". */
export function normalizeCategory(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/**
 * Items of a reward or condition: `{"include": F, "exclude": F}`, or a bare filter meaning
 * include only. An absent include means every item.
 */
export function parseItems(value: unknown, path: string, errors: Errors): ItemSelector | undefined {
  if (value === undefined || value === null) return { include: { kind: 'anyItem', value: true }, exclude: null };
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `items must be an object, got ${describeValue(value)}.`);
  if (!('include' in value) && !('exclude' in value)) {
    const include = parseFilter(value, path, errors);
    return include === undefined ? undefined : { include, exclude: null };
  }
  const include = value['include'] === undefined || value['include'] === null
    ? { kind: 'anyItem' as const, value: true }
    : parseFilter(value['include'], fieldPath(path, 'include'), errors);
  const exclude = value['exclude'] === undefined || value['exclude'] === null
    ? null
    : parseFilter(value['exclude'], fieldPath(path, 'exclude'), errors);
  if (include === undefined || exclude === undefined) return undefined;
  return { include, exclude };
}
