import { rewardDefinitionOf } from '../rewards/reward-registry';
import { fieldPath, indexPath, isRecord } from './issues';

const BOUNDS = ['min', 'max'] as const;

/**
 * Paths of the Version 2 amounts in a rule as sent (README rule 22): the fields each reward kind lists in its
 * `version2AmountKeys`, `maxDiscount`, and the bounds of every `unitPrice` filter, wherever they stand (conditions, items, tiers). An
 * amount needs one currency, so these are `not_allowed` with `targeting.currency: "any"` (rule 8). `limits.budgetRemaining`
 * is a promotion field and checked with the limits.
 */
export function version2AmountFields(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((entry: unknown, i: number) => version2AmountFields(entry, indexPath(path, i)));
  if (!isRecord(value)) return [];
  const fields: string[] = [];
  for (const key of rewardDefinitionOf(value['type'])?.version2AmountKeys ?? []) if (value[key] !== undefined) fields.push(fieldPath(path, key));
  if (value['maxDiscount'] !== undefined && value['maxDiscount'] !== null) fields.push(fieldPath(path, 'maxDiscount'));
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'unitPrice' && isRecord(inner)) {
      for (const bound of BOUNDS) if (inner[bound] !== undefined && inner[bound] !== null) fields.push(fieldPath(fieldPath(path, key), bound));
    } else {
      fields.push(...version2AmountFields(inner, fieldPath(path, key)));
    }
  }
  return fields;
}
