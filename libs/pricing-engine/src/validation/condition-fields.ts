import type { ItemSelector } from '../model/promotion';
import { type Errors, fail, fieldPath, isRecord } from './issues';
import { parseItems } from './parse-filter';

type ReadNumber = (obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors) => number | undefined;

/** A `{"<valueKey>": n, "items": …}` condition at `obj[key]`: its number, read by `readValue`, and its items. */
export function parseItemsCondition(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  valueKey: string,
  path: string,
  errors: Errors,
  readValue: ReadNumber,
): { readonly value: number; readonly items: ItemSelector } | undefined {
  const spec = obj[key];
  const field = fieldPath(path, key);
  if (!isRecord(spec)) return fail(errors, field, 'invalid_type', `${key} must be {"${valueKey}", "items"}.`);
  const value = readValue(spec, valueKey, field, errors);
  const items = parseItems(spec['items'], fieldPath(field, 'items'), errors);
  return value === undefined || items === undefined ? undefined : { value, items };
}
