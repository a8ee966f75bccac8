import type { ApplyTo, Frequency, ItemSelector } from '../model/promotion';
import { toBasisPoints } from '../money/percent';
import { type Errors, describeValue, fail, fieldPath, isRecord, readEnum, readInteger, readStringList } from './issues';
import { parseItems } from './parse-filter';

/** A percentage 0–100 with at most two decimals, as basis points. */
export function readPercent(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors): number | undefined {
  const value = obj[key];
  const field = fieldPath(path, key);
  if (value === undefined || value === null) return fail(errors, field, 'required', `${key} is required.`);
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(errors, field, 'invalid_type', `${key} must be a number, got ${describeValue(value)}.`);
  if (value < 0 || value > 100) return fail(errors, field, 'out_of_range', `${key} must be between 0 and 100, got ${value}.`);
  const basisPoints = toBasisPoints(value);
  if (basisPoints === null) return fail(errors, field, 'too_precise', `${key} may have at most two decimals, got ${value}.`);
  return basisPoints;
}

/** Which matching units an items reward takes: `each` when absent. */
export function readApplyTo(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): ApplyTo | undefined {
  const value = obj['applyTo'];
  const field = fieldPath(path, 'applyTo');
  if (value === undefined || value === null || value === 'each') return { kind: 'each' };
  if (value === 'spread') return { kind: 'spread' };
  if (isRecord(value)) {
    if ('cheapest' in value) {
      const count = readInteger(value, 'cheapest', field, errors, { min: 1 });
      return count === undefined ? undefined : { kind: 'cheapest', count };
    }
    if ('mostExpensive' in value) {
      const count = readInteger(value, 'mostExpensive', field, errors, { min: 1 });
      return count === undefined ? undefined : { kind: 'mostExpensive', count };
    }
  }
  return fail(errors, field, 'invalid_value', 'applyTo must be "each", "spread", {"cheapest": N} or {"mostExpensive": N}.');
}

/** An optional set of names, such as a shipping reward's `zones` or `methods` (README rule 12): null when absent, meaning every one. */
export function readOptionalNameSet(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors): ReadonlySet<string> | null | undefined {
  if (obj[key] === undefined || obj[key] === null) return null;
  const list = readStringList(obj, key, path, errors);
  return list === undefined ? undefined : new Set(list);
}

/** A shipping reward's `zones` and `methods` together; undefined when either is invalid. */
export function readShippingCover(
  obj: Readonly<Record<string, unknown>>,
  path: string,
  errors: Errors,
): { readonly zones: ReadonlySet<string> | null; readonly methods: ReadonlySet<string> | null } | undefined {
  const zones = readOptionalNameSet(obj, 'zones', path, errors);
  const methods = readOptionalNameSet(obj, 'methods', path, errors);
  return zones === undefined || methods === undefined ? undefined : { zones, methods };
}

export function readFrequency(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): Frequency | undefined {
  return readEnum(obj, 'frequency', path, errors, ['once', 'unlimited'] as const, 'once');
}

export function readMaxQuantity(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): number | null | undefined {
  if (obj['maxQuantityPerLine'] === undefined || obj['maxQuantityPerLine'] === null) return null;
  return readInteger(obj, 'maxQuantityPerLine', path, errors, { min: 1 });
}

/** What the two items rewards share besides their value: `items`, `applyTo`, `maxQuantityPerLine` and `frequency`. */
export function parseItemsReward(
  obj: Readonly<Record<string, unknown>>,
  path: string,
  errors: Errors,
): { readonly items: ItemSelector; readonly applyTo: ApplyTo; readonly maxQuantityPerLine: number | null; readonly frequency: Frequency } | undefined {
  const items = parseItems(obj['items'], fieldPath(path, 'items'), errors);
  const applyTo = readApplyTo(obj, path, errors);
  const maxQuantityPerLine = readMaxQuantity(obj, path, errors);
  const frequency = readFrequency(obj, path, errors);
  if (items === undefined || applyTo === undefined || maxQuantityPerLine === undefined || frequency === undefined) return undefined;
  return { items, applyTo, maxQuantityPerLine, frequency };
}
