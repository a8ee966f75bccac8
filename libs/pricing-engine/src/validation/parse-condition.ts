import type { NestedConditionParser } from '../conditions/condition-definition';
import { type Condition, conditionDefinitionOfKey } from '../conditions/condition-registry';
import { type Errors, describeValue, fail, fieldPath, isRecord } from './issues';

const NESTED: NestedConditionParser = { parse: (value, path, errors) => parseCondition(value, path, errors) };

/** A condition (P3); absent means none. Several keys in one object mean all of them. */
export function parseCondition(value: unknown, path: string, errors: Errors): Condition | undefined {
  if (value === undefined || value === null) return { kind: 'none' };
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `A condition must be an object, got ${describeValue(value)}.`);
  const parts: Condition[] = [];
  let ok = true;
  for (const key of Object.keys(value)) {
    const definition = conditionDefinitionOfKey(key);
    if (definition?.parse === undefined) {
      fail(errors, fieldPath(path, key), 'unknown_type', `Unknown condition "${key}".`);
      ok = false;
      continue;
    }
    const part = definition.parse(value, path, errors, NESTED);
    if (part === undefined) ok = false;
    else parts.push(part);
  }
  if (!ok) return undefined;
  const [only] = parts;
  if (parts.length === 0) return { kind: 'none' };
  return parts.length === 1 && only !== undefined ? only : { kind: 'all', conditions: parts };
}
