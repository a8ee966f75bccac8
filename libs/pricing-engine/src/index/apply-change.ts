import { normalizeCode } from '../model/ids';
import type { CompiledPromotion } from '../stacking/compiled-promotion';
import { type PromotionIndex, compilePromotions, indexOf, stateOf } from './compile';
import { withFiled, withoutFiled } from './automatic-buckets';
import { type IndexState, type Listed, type Placed } from './index-state';
import type { PersistentMap } from './persistent-map';

/**
 * One promotion created, changed or deleted. An upsert replaces the listed promotion of the same id where it is
 * listed; a new one is listed after the promotion `listedAfter` names (null: first; absent or unknown: last).
 * Where a promotion is listed breaks ties of priority (P7).
 */
export type PromotionChange =
  | { readonly type: 'upsert'; readonly promotion: unknown; readonly listedAfter?: string | null | undefined }
  | { readonly type: 'remove'; readonly promotionId: string };

function idOf(raw: unknown): string | null {
  return typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : null;
}

/** Position of the first listed promotion whose ordinal is not below `ordinal`. */
function positionOf(listing: readonly Listed[], ordinal: number): number {
  let low = 0;
  let high = listing.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((listing[middle]?.ordinal ?? Infinity) < ordinal) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The ordinal between the promotion `after` names (null: before all) and the next one; null when none is left between them. */
function ordinalAfter(state: IndexState, after: string | null | undefined): number | null {
  const { listing } = state;
  const last = listing[listing.length - 1];
  const previous = after === null ? undefined : after === undefined ? last : (state.byId.get(after) ?? last);
  if (previous === undefined) {
    const first = listing[0];
    return first === undefined ? 0 : first.ordinal - 1;
  }
  const next = listing[positionOf(listing, previous.ordinal) + 1];
  if (next === undefined) return previous.ordinal + 1;
  const between = (previous.ordinal + next.ordinal) / 2;
  return between > previous.ordinal && between < next.ordinal ? between : null;
}

function withoutCoupon(byCode: PersistentMap<string, readonly Placed[]>, placed: Placed): PersistentMap<string, readonly Placed[]> {
  let next = byCode;
  for (const code of new Set(codesOf(placed.compiled))) {
    const holders = (next.get(code) ?? []).filter((holder) => holder !== placed);
    next = holders.length === 0 ? next.delete(code) : next.set(code, holders);
  }
  return next;
}

function withCoupon(byCode: PersistentMap<string, readonly Placed[]>, placed: Placed): PersistentMap<string, readonly Placed[]> {
  let next = byCode;
  for (const code of new Set(codesOf(placed.compiled))) {
    const holders = next.get(code) ?? [];
    next = next.set(code, [...holders, placed].sort((a, b) => a.ordinal - b.ordinal));
  }
  return next;
}

function codesOf(compiled: CompiledPromotion): string[] {
  return compiled.promotion.kind === 'coupon' ? compiled.promotion.codes.map(normalizeCode) : [];
}

/** The state with `listed` (already in or out of `listing` and `byId`) filed in, or taken out of, its tables. */
function refiled(state: IndexState, listed: Listed, listing: readonly Listed[], byId: IndexState['byId'], adding: boolean): IndexState {
  if (!listed.outcome.ok) return { ...state, listing, byId };
  const { placed } = listed.outcome;
  const size = state.size + (adding ? 1 : -1);
  if (placed.compiled.promotion.kind !== 'coupon') {
    return { ...state, listing, byId, size, buckets: adding ? withFiled(state.buckets, placed) : withoutFiled(state.buckets, placed) };
  }
  const { id } = placed.compiled.promotion;
  return {
    ...state,
    listing,
    byId,
    size,
    couponById: adding ? state.couponById.set(id, placed.compiled) : state.couponById.delete(id),
    couponsByCode: adding ? withCoupon(state.couponsByCode, placed) : withoutCoupon(state.couponsByCode, placed),
  };
}

/** The state without the promotion `listed` (which must be listed in it). */
function unlisted(state: IndexState, listed: Listed): IndexState {
  const position = positionOf(state.listing, listed.ordinal);
  const listing = [...state.listing.slice(0, position), ...state.listing.slice(position + 1)];
  return refiled(state, listed, listing, listed.id === null ? state.byId : state.byId.delete(listed.id), false);
}

/** The state with `listed` added at its ordinal (no promotion of its id may be listed). */
function listedIn(state: IndexState, listed: Listed): IndexState {
  const position = positionOf(state.listing, listed.ordinal);
  const listing = [...state.listing.slice(0, position), listed, ...state.listing.slice(position)];
  return refiled(state, listed, listing, listed.id === null ? state.byId : state.byId.set(listed.id, listed), true);
}

/** The promotions the index lists once `change` is made, as compilePromotions takes them. */
function listingAfter(state: IndexState, change: PromotionChange): unknown[] {
  const changedId = change.type === 'upsert' ? idOf(change.promotion) : change.promotionId;
  const kept = state.listing.filter((listed) => changedId === null || listed.id !== changedId);
  if (change.type === 'remove') return kept.map((listed) => listed.raw);
  const place = changedId === null ? -1 : state.listing.findIndex((listed) => listed.id === changedId);
  const raws = kept.map((listed) => listed.raw);
  if (place >= 0) raws.splice(place, 0, change.promotion);
  else {
    const afterPosition = change.listedAfter === null ? -1 : kept.findIndex((listed) => listed.id === change.listedAfter);
    raws.splice(change.listedAfter === null ? 0 : afterPosition < 0 ? raws.length : afterPosition + 1, 0, change.promotion);
  }
  return raws;
}

/**
 * The index with one promotion created, changed or deleted, without compiling the others again (#21): the result
 * prices every cart exactly as `compilePromotions` of the changed listing would. Both indexes stay valid and share
 * most of their tables, so a request still pricing against the old one is unaffected (P11). Falls back to a full
 * compile when the listing repeats an id, or when no ordinal is left between two neighbours.
 */
export function applyPromotionChange(index: PromotionIndex, change: PromotionChange): PromotionIndex {
  const state = stateOf(index);
  if (state.listingIdsRepeat) return compilePromotions(listingAfter(state, change), state.settings);
  if (change.type === 'remove') {
    const listed = state.byId.get(change.promotionId);
    return listed === undefined ? index : indexOf(unlisted(state, listed));
  }
  const id = idOf(change.promotion);
  const old = id === null ? undefined : state.byId.get(id);
  const ordinal = old?.ordinal ?? ordinalAfter(state, change.listedAfter);
  if (ordinal === null) return compilePromotions(listingAfter(state, change), state.settings);
  const listed = state.compiler.list(change.promotion, ordinal);
  // Ids are unique in the listing (else the full compile above), and stay so: `idsRepeat` stays false.
  return indexOf(listedIn(old === undefined ? state : unlisted(state, old), listed));
}
