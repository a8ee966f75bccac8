import { PersistentMap, type PromotionIndex, type Settings, compilePromotions, normalizeCode } from '@promo/pricing-engine';
import { BULK_ONLY_PLACEHOLDER, engineShape, type PromotionLimits } from '../promotions/promotion-draft';

/** One promotion as the index holds it: the engine's shape and the limits beside it. */
export interface IndexEntry {
  readonly id: string;
  readonly kind: 'automatic' | 'coupon';
  readonly definition: Readonly<Record<string, unknown>>;
  readonly limits: PromotionLimits;
}

/**
 * An immutable, compiled view of the store (P11): never patched while a request reads it. A change builds a new
 * snapshot (whole, or from the one before: applyEntryChanges) and the holder swaps the reference.
 */
export interface IndexSnapshot {
  /** The highest change sequence the snapshot includes (promotions and settings). */
  readonly version: number;
  readonly settings: Settings;
  readonly index: PromotionIndex;
  /** By id (JavaScript string order, which is the database's for the ids P-ids allow): the order the index lists them in. */
  readonly entries: readonly IndexEntry[];
  /** Normalised codes the promotions list themselves (C2) → promotion id (the first by id, should two list one). */
  readonly codes: { get(code: string): string | undefined };
  /** Normalised code → ids of the promotions listing it, by id. */
  readonly codeHolders: PersistentMap<string, readonly string[]>;
  readonly byId: PersistentMap<string, IndexEntry>;
  /** Automatic promotions with a total limit: their uses are kept in memory (PromotionUsesHolder). */
  readonly totalLimitedAutomatics: readonly IndexEntry[];
  /** Automatic promotions with a limit per customer: a cart of a known customer reads that customer's uses of them. */
  readonly customerLimitedAutomatics: readonly IndexEntry[];
}

/** Normalised codes a coupon entry lists itself (each once). */
export function listedCodes(entry: IndexEntry): readonly string[] {
  const listed = entry.definition['codes'];
  if (entry.kind !== 'coupon' || !Array.isArray(listed)) return [];
  const codes = new Set<string>();
  for (const code of listed) if (typeof code === 'string' && code !== BULK_ONLY_PLACEHOLDER) codes.add(normalizeCode(code));
  return [...codes];
}

/** The `codes` view over code holders: the first holder by id redeems the code. */
export function codesOf(holders: PersistentMap<string, readonly string[]>): IndexSnapshot['codes'] {
  return { get: (code) => holders.get(code)?.[0] };
}

export function isTotalLimitedAutomatic(entry: IndexEntry): boolean {
  return entry.kind === 'automatic' && entry.limits.totalUses !== null;
}

/** #23: an automatic promotion with a discount budget: what it has given is kept in memory (PromotionUsesHolder). */
export function isBudgetedAutomatic(entry: IndexEntry): boolean {
  return entry.kind === 'automatic' && entry.limits.budget !== undefined && entry.limits.budget !== null;
}

export function isCustomerLimitedAutomatic(entry: IndexEntry): boolean {
  return entry.kind === 'automatic' && entry.limits.usesPerCustomer !== null;
}

/** Compiles entries (enabled, live promotions) with the store settings into a snapshot. */
export function buildSnapshot(entries: readonly IndexEntry[], settings: Settings, version: number): IndexSnapshot {
  const index = compilePromotions(
    entries.map((entry) => engineShape(entry.definition)),
    settings,
  );
  const holders = new Map<string, string[]>();
  for (const entry of entries) {
    for (const code of listedCodes(entry)) {
      const known = holders.get(code);
      if (known === undefined) holders.set(code, [entry.id]);
      else known.push(entry.id);
    }
  }
  const codeHolders = PersistentMap.adopt<string, readonly string[]>(holders);
  return Object.freeze({
    version,
    settings,
    index,
    entries,
    codes: codesOf(codeHolders),
    codeHolders,
    byId: PersistentMap.adopt(new Map(entries.map((entry) => [entry.id, entry]))),
    totalLimitedAutomatics: entries.filter(isTotalLimitedAutomatic),
    customerLimitedAutomatics: entries.filter(isCustomerLimitedAutomatic),
  });
}
