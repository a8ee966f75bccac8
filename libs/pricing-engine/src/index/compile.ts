import { type PreparedCart, prepareCart } from '../cart/prepare-cart';
import type { Cart } from '../model/cart';
import { normalizeCode } from '../model/ids';
import type { Promotion, Reward, Schedule, Usage } from '../model/promotion';
import type { PricingResult } from '../model/result';
import type { Settings } from '../model/settings';
import { type CompiledSchedule, compileSchedule } from '../schedule/schedule';
import { type Zone, createZone } from '../schedule/zone';
import type { CompiledPromotion } from '../stacking/compiled-promotion';
import { priceCart } from '../stacking/price-cart';
import type { ValidationError } from '../validation/issues';
import { parsePromotion } from '../validation/parse-promotion';
import { promotionKeys, visitLineKeys } from './index-keys';
import { partSharing } from './shared-parts';

const ANY = '*';

/** Automatic promotions of one (channel, currency) pair: unkeyed ones, and the rest by key space then value. */
interface Bucket {
  readonly unkeyed: number[];
  readonly byKey: Map<string, Map<string, number[]>>;
}

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

function givesBuyXGetY(reward: Reward): boolean {
  return reward.type === 'buyXgetY' || (reward.type === 'tiered' && reward.tiers.some((tier) => tier.reward.type === 'buyXgetY'));
}

function toEpochMs(at: Date | string): number {
  const ms = at instanceof Date ? at.getTime() : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: ${String(at)}`);
  return ms;
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Compiles promotions (untrusted input, the conformance README shape) with the store settings
 * into an immutable index. Malformed promotions are left out and listed in `refused`.
 */
export function compilePromotions(promotions: readonly unknown[], settings: Settings): PromotionIndex {
  const zones = new Map<string, Zone>();
  const zoneFor = (name: string): Zone => {
    const known = zones.get(name);
    if (known !== undefined) return known;
    const zone = createZone(name) ?? createZone('UTC');
    if (zone === null) throw new RangeError('The runtime lacks the UTC time zone.');
    zones.set(name, zone);
    return zone;
  };
  const refused: RefusedPromotion[] = [];
  const valid: Promotion[] = [];
  const shareParts = partSharing();
  promotions.forEach((raw, index) => {
    const parsed = parsePromotion(raw);
    if (parsed.ok) valid.push(shareParts(parsed.value));
    else {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : null;
      refused.push({ index, promotionId: id, errors: parsed.errors });
    }
  });

  // Promotions with equal schedules share one Schedule object (see partSharing), resolved once here.
  const compiledSchedules = new Map<Schedule, CompiledSchedule>();
  const compiledSchedule = (schedule: Schedule): CompiledSchedule => {
    let compiled = compiledSchedules.get(schedule);
    if (compiled === undefined) {
      compiled = compileSchedule(schedule, zoneFor(schedule.timeZone ?? settings.timeZone));
      compiledSchedules.set(schedule, compiled);
    }
    return compiled;
  };
  const compile = (promotion: Promotion): CompiledPromotion => ({
    promotion,
    schedule: promotion.schedule === null ? null : compiledSchedule(promotion.schedule),
    givesBuyXGetY: promotion.rules.some((rule) => givesBuyXGetY(rule.reward)),
  });

  // P7: ascending priority, equal priorities in the order listed (sort is stable).
  const automatics = valid
    .flatMap((promotion) => (promotion.kind === 'automatic' ? [{ promotion, priority: promotion.priority }] : []))
    .sort((a, b) => a.priority - b.priority)
    .map((entry) => compile(entry.promotion));

  const couponByCode = new Map<string, CompiledPromotion>();
  const couponById = new Map<string, CompiledPromotion>();
  for (const promotion of valid) {
    if (promotion.kind !== 'coupon') continue;
    const compiled = compile(promotion);
    couponById.set(promotion.id, compiled);
    for (const code of promotion.codes) {
      const normal = normalizeCode(code);
      if (!couponByCode.has(normal)) couponByCode.set(normal, compiled);
    }
  }

  const idsRepeat = new Set(valid.map((promotion) => promotion.id)).size < valid.length;

  const buckets = new Map<string, Map<string, Bucket>>();
  automatics.forEach((compiled, ordinal) => {
    const { targeting } = compiled.promotion;
    const channels = targeting.channels === null ? [ANY] : [...targeting.channels];
    const currency = targeting.currency === null || targeting.currency === 'any' ? ANY : targeting.currency;
    const keys = promotionKeys(compiled.promotion);
    for (const channel of channels) {
      let byCurrency = buckets.get(channel);
      if (byCurrency === undefined) {
        byCurrency = new Map();
        buckets.set(channel, byCurrency);
      }
      let bucket = byCurrency.get(currency);
      if (bucket === undefined) {
        bucket = { unkeyed: [], byKey: new Map() };
        byCurrency.set(currency, bucket);
      }
      if (keys === null) bucket.unkeyed.push(ordinal);
      else {
        for (const key of keys) {
          let byValue = bucket.byKey.get(key.space);
          if (byValue === undefined) {
            byValue = new Map();
            bucket.byKey.set(key.space, byValue);
          }
          pushTo(byValue, key.value, ordinal);
        }
      }
    }
  });

  const lookup = (cart: PreparedCart): CompiledPromotion[] => {
    const seen = new Uint8Array(automatics.length);
    const found: number[] = [];
    const add = (ordinals: readonly number[] | undefined): void => {
      if (ordinals === undefined) return;
      for (const ordinal of ordinals) {
        if (seen[ordinal] === 0) {
          seen[ordinal] = 1;
          found.push(ordinal);
        }
      }
    };
    const matching: Bucket[] = [];
    for (const channel of cart.channel === ANY ? [ANY] : [cart.channel, ANY]) {
      const byCurrency = buckets.get(channel);
      if (byCurrency === undefined) continue;
      for (const currency of [cart.currency.code, ANY]) {
        const bucket = byCurrency.get(currency);
        if (bucket === undefined) continue;
        matching.push(bucket);
        add(bucket.unkeyed);
      }
    }
    const visit = (space: string, value: string): void => {
      for (const bucket of matching) add(bucket.byKey.get(space)?.get(value));
    };
    if (matching.length > 0) for (const line of cart.lines) if (line.qualifies) visitLineKeys(line, visit);
    const candidates: CompiledPromotion[] = [];
    for (const ordinal of Uint32Array.from(found).sort()) {
      const compiled = automatics[ordinal];
      if (compiled !== undefined) candidates.push(compiled);
    }
    return candidates;
  };

  return Object.freeze({
    settings,
    size: valid.length,
    refused,
    price(cart: Cart, at: Date | string, options?: PriceOptions): PricingResult {
      const prepared = prepareCart(cart, settings);
      const usageOf = options?.usage;
      const withUsage = (compiled: CompiledPromotion, code: string | null): CompiledPromotion => {
        const usage = usageOf?.(compiled.promotion.id, code);
        return usage === undefined ? compiled : { ...compiled, promotion: { ...compiled.promotion, usage } };
      };
      const extraCodes = options?.extraCodes;
      return priceCart({
        cart: prepared,
        settings,
        atMs: toEpochMs(at),
        automatics: usageOf === undefined ? lookup(prepared) : lookup(prepared).map((compiled) => withUsage(compiled, null)),
        couponByCode: (code) => {
          const extraId = extraCodes?.get(code);
          const compiled = couponByCode.get(code) ?? (extraId === undefined ? undefined : couponById.get(extraId));
          return compiled === undefined || usageOf === undefined ? compiled : withUsage(compiled, code);
        },
        idsRepeat,
      });
    },
    candidates(cart: Cart): readonly string[] {
      return lookup(prepareCart(cart, settings)).map((compiled) => compiled.promotion.id);
    },
  });
}
