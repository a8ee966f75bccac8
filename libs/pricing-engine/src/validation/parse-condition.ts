import type { Condition } from '../model/promotion';
import { parseItems } from './parse-filter';
import { type Errors, describeValue, fail, fieldPath, indexPath, isRecord, readAmount, readInteger } from './issues';

const KEYS = new Set(['all', 'any', 'not', 'subtotalAtLeast', 'quantityAtLeast', 'valueAtLeast', 'lineQuantityAtLeast']);

/** A condition (P3); absent means none. Several keys in one object mean all of them. */
export function parseCondition(value: unknown, path: string, errors: Errors): Condition | undefined {
  if (value === undefined || value === null) return { kind: 'none' };
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `A condition must be an object, got ${describeValue(value)}.`);
  const parts: Condition[] = [];
  let ok = true;
  for (const key of Object.keys(value)) {
    if (!KEYS.has(key)) {
      fail(errors, fieldPath(path, key), 'unknown_type', `Unknown condition "${key}".`);
      ok = false;
      continue;
    }
    const part = parseConditionKey(value, key, path, errors);
    if (part === undefined) ok = false;
    else parts.push(part);
  }
  if (!ok) return undefined;
  const [only] = parts;
  if (parts.length === 0) return { kind: 'none' };
  return parts.length === 1 && only !== undefined ? only : { kind: 'all', conditions: parts };
}

function parseConditionKey(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors): Condition | undefined {
  const field = fieldPath(path, key);
  switch (key) {
    case 'all':
    case 'any': {
      const list = obj[key];
      if (!Array.isArray(list)) return fail(errors, field, 'invalid_type', `${key} must be an array of conditions.`);
      const conditions: Condition[] = [];
      let ok = true;
      list.forEach((entry: unknown, i: number) => {
        const parsed = parseCondition(entry, indexPath(field, i), errors);
        if (parsed === undefined) ok = false;
        else conditions.push(parsed);
      });
      return ok ? { kind: key, conditions } : undefined;
    }
    case 'not': {
      const inner = parseCondition(obj[key], field, errors);
      return inner === undefined ? undefined : { kind: 'not', condition: inner };
    }
    case 'subtotalAtLeast': {
      const amount = readAmount(obj, key, path, errors);
      return amount === undefined ? undefined : { kind: 'subtotalAtLeast', amount };
    }
    case 'quantityAtLeast': {
      const spec = obj[key];
      if (!isRecord(spec)) return fail(errors, field, 'invalid_type', 'quantityAtLeast must be {"count", "items"}.');
      const count = readInteger(spec, 'count', field, errors, { min: 0 });
      const items = parseItems(spec['items'], fieldPath(field, 'items'), errors);
      return count === undefined || items === undefined ? undefined : { kind: 'quantityAtLeast', count, items };
    }
    case 'valueAtLeast': {
      const spec = obj[key];
      if (!isRecord(spec)) return fail(errors, field, 'invalid_type', 'valueAtLeast must be {"amount", "items"}.');
      const amount = readAmount(spec, 'amount', field, errors);
      const items = parseItems(spec['items'], fieldPath(field, 'items'), errors);
      return amount === undefined || items === undefined ? undefined : { kind: 'valueAtLeast', amount, items };
    }
    case 'lineQuantityAtLeast': {
      const spec = obj[key];
      if (!isRecord(spec)) return fail(errors, field, 'invalid_type', 'lineQuantityAtLeast must be {"quantity", "items"}.');
      const quantity = readInteger(spec, 'quantity', field, errors, { min: 1 });
      const items = parseItems(spec['items'], fieldPath(field, 'items'), errors);
      return quantity === undefined || items === undefined ? undefined : { kind: 'lineQuantityAtLeast', quantity, items };
    }
    default:
      return fail(errors, field, 'unknown_type', `Unknown condition "${key}".`);
  }
}

/** Paths of amount-based parts of a condition (P4: not allowed with currency "any"). */
export function amountFieldsOfCondition(condition: Condition, path: string): string[] {
  switch (condition.kind) {
    case 'none':
      return [];
    case 'subtotalAtLeast':
      return [fieldPath(path, 'subtotalAtLeast')];
    case 'valueAtLeast':
      return [fieldPath(path, 'valueAtLeast.amount')];
    case 'quantityAtLeast':
    case 'lineQuantityAtLeast':
      return [];
    case 'all':
    case 'any':
      return condition.conditions.flatMap((c, i) => amountFieldsOfCondition(c, indexPath(fieldPath(path, condition.kind), i)));
    case 'not':
      return amountFieldsOfCondition(condition.condition, fieldPath(path, 'not'));
  }
}
