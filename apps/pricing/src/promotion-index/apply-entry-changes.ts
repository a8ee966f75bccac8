import { type PersistentMap, applyPromotionChange } from '@promo/pricing-engine';
import { engineShape } from '../promotions/promotion-draft';
import { type IndexEntry, type IndexSnapshot, codesOf, isCustomerLimitedAutomatic, isTotalLimitedAutomatic, listedCodes } from './index-snapshot';

/** A stored promotion as it is now: the entry to index, or null when it is deleted or disabled. */
export interface EntryChange {
  readonly id: string;
  readonly entry: IndexEntry | null;
}

/** Position of the first id in `sorted` not below `id`. */
function positionOf(sorted: readonly { readonly id: string }[], id: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.id ?? '') < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `list` (by id) without the entry of `id`, and with `entry` at its place when it belongs there. */
function replacedIn(list: readonly IndexEntry[], id: string, entry: IndexEntry | null): readonly IndexEntry[] {
  const position = positionOf(list, id);
  const present = list[position]?.id === id;
  if (entry === null) return present ? [...list.slice(0, position), ...list.slice(position + 1)] : list;
  return [...list.slice(0, position), entry, ...list.slice(present ? position + 1 : position)];
}

function withHolders(holders: PersistentMap<string, readonly string[]>, id: string, before: IndexEntry | undefined, after: IndexEntry | null): PersistentMap<string, readonly string[]> {
  const was = before === undefined ? [] : listedCodes(before);
  const now = after === null ? [] : listedCodes(after);
  let next = holders;
  for (const code of new Set([...was, ...now])) {
    const others = (next.get(code) ?? []).filter((holder) => holder !== id);
    const ids = now.includes(code) ? [...others, id].sort() : others;
    next = ids.length === 0 ? next.delete(code) : next.set(code, ids);
  }
  return next;
}

/**
 * The snapshot with some stored promotions changed, created or gone (#21), without compiling the others again:
 * the result equals `buildSnapshot` of the changed entries, and the snapshot given stays as it was for the requests
 * still pricing against it (P11).
 */
export function applyEntryChanges(snapshot: IndexSnapshot, changes: readonly EntryChange[], version: number): IndexSnapshot {
  let { index, entries, codeHolders, byId, totalLimitedAutomatics, customerLimitedAutomatics } = snapshot;
  for (const { id, entry } of changes) {
    const before = byId.get(id);
    if (before === undefined && entry === null) continue;
    if (entry === null) index = applyPromotionChange(index, { type: 'remove', promotionId: id });
    else {
      // A new promotion is listed where a full build lists it: after the one before it by id.
      const listedAfter = before === undefined ? (entries[positionOf(entries, id) - 1]?.id ?? null) : undefined;
      index = applyPromotionChange(index, { type: 'upsert', promotion: engineShape(entry.definition), listedAfter });
    }
    entries = replacedIn(entries, id, entry);
    byId = entry === null ? byId.delete(id) : byId.set(id, entry);
    codeHolders = withHolders(codeHolders, id, before, entry);
    totalLimitedAutomatics = replacedIn(totalLimitedAutomatics, id, entry !== null && isTotalLimitedAutomatic(entry) ? entry : null);
    customerLimitedAutomatics = replacedIn(customerLimitedAutomatics, id, entry !== null && isCustomerLimitedAutomatic(entry) ? entry : null);
  }
  return Object.freeze({ version, settings: snapshot.settings, index, entries, codes: codesOf(codeHolders), codeHolders, byId, totalLimitedAutomatics, customerLimitedAutomatics });
}
