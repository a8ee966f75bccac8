import { prepareCart } from '../cart/prepare-cart';
import type { Cart } from '../model/cart';
import { normalizeCode } from '../model/ids';
import type { Usage } from '../model/promotion';
import type { PricingResult } from '../model/result';
import type { Settings } from '../model/settings';
import type { CompiledPromotion } from '../stacking/compiled-promotion';
import { priceCart } from '../stacking/price-cart';
import type { ValidationError } from '../validation/issues';
import { candidatesFor, fileAll } from './automatic-buckets';
import { type IndexState, type Listed, type Placed, promotionCompiler } from './index-state';
import { PersistentMap } from './persistent-map';

/** A promotion that was refused when compiling, with every reason. */
export interface RefusedPromotion {
  readonly index: number;
  readonly promotionId: string | null;
  readonly errors: readonly ValidationError[];
}

/** What one pricing call adds to the index, without recompiling it. */
export interface PriceOptions {
  /** Codes the index does not list (bulk codes), by normalised code: the id of the coupon promotion each redeems. */
  readonly extraCodes?: ReadonlyMap<string, string>;
  /** Live usage of a promotion (and of the normalised code entered, for a coupon), checked instead of its own `usage`. */
  readonly usage?: (promotionId: string, code: string | null) => Usage | undefined;
  /** README rule 19: what is left of a promotion's budget (minor units), used instead of its own `limits.budgetRemaining`; undefined keeps that. */
  readonly budgetRemaining?: (promotionId: string) => number | undefined;
}

/**
 * An immutable index of the store's promotions (P11). `price` looks up only the automatic
 * promotions that could apply to the cart (by channel, currency and product / category /
 * brand / field keys), so its cost grows with those, not with the whole store.
 */
export interface PromotionIndex {
  readonly settings: Settings;
  /** How many promotions were compiled (valid ones). */
  readonly size: number;
  /** Promotions that were not well formed and are left out of pricing. */
  readonly refused: readonly RefusedPromotion[];
  /** Prices a validated cart at instant `at` (a Date or RFC 3339 text). */
  price(cart: Cart, at: Date | string, options?: PriceOptions): PricingResult;
  /** Ids of the automatic promotions the index would examine for this cart, in application order. */
  candidates(cart: Cart): readonly string[];
}

function toEpochMs(at: Date | string): number {
  const ms = at instanceof Date ? at.getTime() : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: ${String(at)}`);
  return ms;
}

/** Step 1 of a compile: every listed promotion by id, whether ids repeat, and the valid ones in listed order. */
function listedById(listing: readonly Listed[]): { byId: Map<string, Listed>; listingIdsRepeat: boolean; valid: Placed[] } {
  const byId = new Map<string, Listed>();
  let listingIdsRepeat = false;
  const valid: Placed[] = [];
  for (const listed of listing) {
    if (listed.id !== null) {
      if (byId.has(listed.id)) listingIdsRepeat = true;
      byId.set(listed.id, listed);
    }
    if (listed.outcome.ok) valid.push(listed.outcome.placed);
  }
  return { byId, listingIdsRepeat, valid };
}

/** Step 2: the coupon promotions by id, and by each normalised code the ones that list it, in listed order (C2). */
function couponsOf(valid: readonly Placed[]): { couponById: Map<string, CompiledPromotion>; couponsByCode: Map<string, Placed[]> } {
  const couponById = new Map<string, CompiledPromotion>();
  const couponsByCode = new Map<string, Placed[]>();
  for (const placed of valid) {
    const { promotion } = placed.compiled;
    if (promotion.kind !== 'coupon') continue;
    couponById.set(promotion.id, placed.compiled);
    for (const code of new Set(promotion.codes.map(normalizeCode))) {
      const holders = couponsByCode.get(code);
      if (holders === undefined) couponsByCode.set(code, [placed]);
      else holders.push(placed);
    }
  }
  return { couponById, couponsByCode };
}

/**
 * Compiles promotions (untrusted input, the conformance README shape) with the store settings
 * into an immutable index. Malformed promotions are left out and listed in `refused`.
 */
export function compilePromotions(promotions: readonly unknown[], settings: Settings): PromotionIndex {
  const compiler = promotionCompiler(settings);
  const listing = promotions.map((raw, ordinal) => compiler.list(raw, ordinal));
  const { byId, listingIdsRepeat, valid } = listedById(listing);
  const { couponById, couponsByCode } = couponsOf(valid);
  // Step 3: automatic promotions filed by channel, currency and index key (P11).
  const automatics = valid.filter((placed) => placed.compiled.promotion.kind === 'automatic');
  return indexOf({
    settings,
    compiler,
    listing,
    byId: PersistentMap.adopt(byId),
    listingIdsRepeat,
    idsRepeat: new Set(valid.map((placed) => placed.compiled.promotion.id)).size < valid.length,
    size: valid.length,
    buckets: fileAll(automatics),
    couponById: PersistentMap.adopt(couponById),
    couponsByCode: PersistentMap.adopt<string, readonly Placed[]>(couponsByCode),
  });
}

const states = new WeakMap<PromotionIndex, IndexState>();

/** The state behind an index this module built (for applyPromotionChange). */
export function stateOf(index: PromotionIndex): IndexState {
  const state = states.get(index);
  if (state === undefined) throw new TypeError('Not an index compilePromotions built.');
  return state;
}

/** A compiled promotion with the live usage and budget left (README rule 19) the caller supplies, when it supplies them. */
function withLiveUsage(compiled: CompiledPromotion, code: string | null, options: PriceOptions): CompiledPromotion {
  const usage = options.usage?.(compiled.promotion.id, code);
  const budgetRemaining = options.budgetRemaining?.(compiled.promotion.id);
  if (usage === undefined && budgetRemaining === undefined) return compiled;
  const limits = budgetRemaining === undefined ? compiled.promotion.limits : { ...compiled.promotion.limits, budgetRemaining };
  return { ...compiled, promotion: { ...compiled.promotion, usage: usage ?? compiled.promotion.usage, limits } };
}

/** Prices a cart on an index state: the candidate automatic promotions and a lookup of codes, with live usage (P11). */
function priceOnState(state: IndexState, cart: Cart, at: Date | string, options: PriceOptions | undefined): PricingResult {
  const { settings, buckets, couponById, couponsByCode, idsRepeat } = state;
  const prepared = prepareCart(cart, settings);
  const live = options?.usage !== undefined || options?.budgetRemaining !== undefined ? options : undefined;
  const extraCodes = options?.extraCodes;
  const automatics = candidatesFor(buckets, prepared);
  return priceCart({
    cart: prepared,
    settings,
    atMs: toEpochMs(at),
    automatics: live === undefined ? automatics : automatics.map((compiled) => withLiveUsage(compiled, null, live)),
    couponByCode: (code) => {
      const extraId = extraCodes?.get(code);
      const compiled = couponsByCode.get(code)?.[0]?.compiled ?? (extraId === undefined ? undefined : couponById.get(extraId));
      return compiled === undefined || live === undefined ? compiled : withLiveUsage(compiled, code, live);
    },
    idsRepeat,
  });
}

/** The PromotionIndex over a state. */
export function indexOf(state: IndexState): PromotionIndex {
  const { settings, buckets } = state;
  let refused: readonly RefusedPromotion[] | undefined;
  const index: PromotionIndex = Object.freeze({
    settings,
    size: state.size,
    get refused(): readonly RefusedPromotion[] {
      refused ??= state.listing.flatMap((listed, position) => (listed.outcome.ok ? [] : [{ index: position, promotionId: listed.id, errors: listed.outcome.errors }]));
      return refused;
    },
    price(cart: Cart, at: Date | string, options?: PriceOptions): PricingResult {
      return priceOnState(state, cart, at, options);
    },
    candidates(cart: Cart): readonly string[] {
      return candidatesFor(buckets, prepareCart(cart, settings)).map((compiled) => compiled.promotion.id);
    },
  });
  states.set(index, state);
  return index;
}
