import { type PromotionIndex, type Settings, compilePromotions, normalizeCode } from '@promo/pricing-engine';
import { BULK_ONLY_PLACEHOLDER, engineShape, type PromotionLimits } from '../promotions/promotion-draft';

/** One promotion as the index holds it: the engine's shape and the limits beside it. */
export interface IndexEntry {
  readonly id: string;
  readonly kind: 'automatic' | 'coupon';
  readonly definition: Readonly<Record<string, unknown>>;
  readonly limits: PromotionLimits;
}

/** An immutable, compiled view of the store (P11): replaced whole, never patched while a request reads it. */
export interface IndexSnapshot {
  /** The highest change sequence the snapshot includes (promotions and settings). */
  readonly version: number;
  readonly settings: Settings;
  readonly index: PromotionIndex;
  readonly entries: readonly IndexEntry[];
  /** Normalised codes the promotions list themselves (C2) → promotion id. */
  readonly codes: ReadonlyMap<string, string>;
  readonly byId: ReadonlyMap<string, IndexEntry>;
  /** Automatic promotions with a total limit: their uses are kept in memory (PromotionUsesHolder). */
  readonly totalLimitedAutomatics: readonly IndexEntry[];
  /** Automatic promotions with a limit per customer: a cart of a known customer reads that customer's uses of them. */
  readonly customerLimitedAutomatics: readonly IndexEntry[];
}

/** Compiles entries (enabled, live promotions) with the store settings into a snapshot. */
export function buildSnapshot(entries: readonly IndexEntry[], settings: Settings, version: number): IndexSnapshot {
  const index = compilePromotions(
    entries.map((entry) => engineShape(entry.definition)),
    settings,
  );
  const codes = new Map<string, string>();
  for (const entry of entries) {
    const listed = entry.definition['codes'];
    if (entry.kind !== 'coupon' || !Array.isArray(listed)) continue;
    for (const code of listed) {
      if (typeof code !== 'string' || code === BULK_ONLY_PLACEHOLDER) continue;
      const normal = normalizeCode(code);
      if (!codes.has(normal)) codes.set(normal, entry.id);
    }
  }
  const automatics = entries.filter((entry) => entry.kind === 'automatic');
  return Object.freeze({
    version,
    settings,
    index,
    entries,
    codes,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    totalLimitedAutomatics: automatics.filter((entry) => entry.limits.totalUses !== null),
    customerLimitedAutomatics: automatics.filter((entry) => entry.limits.usesPerCustomer !== null),
  });
}
