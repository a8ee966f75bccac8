import type { PreparedLine } from '../cart/prepare-cart';
import { conditionKeys } from '../conditions/condition-registry';
import type { Promotion } from '../model/promotion';
import { type IndexKey, spaceOf } from './filter-keys';

export type { IndexKey } from './filter-keys';

/** Keys of which the cart must have one for any rule of the promotion to qualify, each once; null = always look. */
export function promotionKeys(promotion: Promotion): IndexKey[] | null {
  const union = new Map<string, Set<string>>();
  const keys: IndexKey[] = [];
  for (const rule of promotion.rules) {
    const ruleKeys = conditionKeys(rule.conditions);
    if (ruleKeys === null) return null;
    for (const key of ruleKeys) {
      let values = union.get(key.space);
      if (values === undefined) {
        values = new Set();
        union.set(key.space, values);
      }
      if (values.has(key.value)) continue;
      values.add(key.value);
      keys.push(key);
    }
  }
  return keys;
}

/** Calls `visit` with every key a qualifying line offers to the index (without building key strings per cart). */
export function visitLineKeys(line: PreparedLine, visit: (space: string, value: string) => void): void {
  visit(spaceOf.product, line.productId);
  visit(spaceOf.sku, line.sku);
  if (line.variantId !== null) visit(spaceOf.variant, line.variantId);
  for (const path of line.categoryPaths) visit(spaceOf.category, path);
  if (line.brand !== null) visit(spaceOf.brand, line.brand);
  for (const [name, value] of Object.entries(line.customFields)) visit(spaceOf.customField(name), value);
  for (const [name, value] of Object.entries(line.options)) visit(spaceOf.option(name), value);
}
