import type { Promotion, Schedule } from '../model/promotion';
import { givesBuyXGetY } from '../rewards/reward-registry';
import type { Settings } from '../model/settings';
import { type CompiledSchedule, compileSchedule } from '../schedule/schedule';
import { type Zone, createZone } from '../schedule/zone';
import type { CompiledPromotion } from '../stacking/compiled-promotion';
import type { ValidationError } from '../validation/issues';
import { parsePromotion } from '../validation/parse-promotion';
import type { PersistentMap } from './persistent-map';
import { partSharing } from './shared-parts';

/** A compiled promotion and its place in the listing: ascending priority, then listed order, decides order (P7). */
export interface Placed {
  readonly compiled: CompiledPromotion;
  readonly priority: number;
  /** Ascending in listed order; not necessarily consecutive once promotions were added between others. */
  readonly ordinal: number;
}

/** One promotion as it was given (untrusted), where it is listed, and what compiling it gave. */
export interface Listed {
  readonly id: string | null;
  readonly raw: unknown;
  readonly ordinal: number;
  readonly outcome: { readonly ok: true; readonly placed: Placed } | { readonly ok: false; readonly errors: readonly ValidationError[] };
}

/** Automatic promotions of one (channel, currency) pair: unkeyed ones, and the rest by key space then value. */
export interface Bucket {
  readonly unkeyed: readonly Placed[];
  readonly byKey: PersistentMap<string, PersistentMap<string, readonly Placed[]>>;
}

/** Channel → currency → bucket ('*' = any). */
export type Buckets = PersistentMap<string, PersistentMap<string, Bucket>>;

/** Everything an index holds; immutable, so a change builds a new state sharing the rest (P11). */
export interface IndexState {
  readonly settings: Settings;
  readonly compiler: PromotionCompiler;
  /** Every promotion given, valid or not, in listed order. */
  readonly listing: readonly Listed[];
  /** Listed promotions by id (when ids repeat, the last one listed). */
  readonly byId: PersistentMap<string, Listed>;
  /** Whether two listed promotions (valid or not) share an id: a change then recompiles the whole listing. */
  readonly listingIdsRepeat: boolean;
  /** Whether two valid promotions share an id (see PricingInputs.idsRepeat). */
  readonly idsRepeat: boolean;
  /** How many listed promotions are valid. */
  readonly size: number;
  readonly buckets: Buckets;
  readonly couponById: PersistentMap<string, CompiledPromotion>;
  /** Coupons that list each normalised code, in listed order: the first one redeems it. */
  readonly couponsByCode: PersistentMap<string, readonly Placed[]>;
}

/**
 * Validates and compiles one promotion, sharing equal parts and resolved schedules with every promotion it compiled
 * before (the pools only grow; every part is immutable, so sharing never changes a result).
 */
export interface PromotionCompiler {
  list(raw: unknown, ordinal: number): Listed;
}

export function promotionCompiler(settings: Settings): PromotionCompiler {
  const zones = new Map<string, Zone>();
  const zoneFor = (name: string): Zone => {
    const known = zones.get(name);
    if (known !== undefined) return known;
    const zone = createZone(name) ?? createZone('UTC');
    if (zone === null) throw new RangeError('The runtime lacks the UTC time zone.');
    zones.set(name, zone);
    return zone;
  };
  const shareParts = partSharing();
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
  return {
    list(raw, ordinal) {
      const parsed = parsePromotion(raw);
      if (parsed.ok) {
        const promotion = shareParts(parsed.value);
        return { id: promotion.id, raw, ordinal, outcome: { ok: true, placed: { compiled: compile(promotion), priority: promotion.kind === 'automatic' ? promotion.priority : 0, ordinal } } };
      }
      const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : null;
      return { id, raw, ordinal, outcome: { ok: false, errors: parsed.errors } };
    },
  };
}

/** P7 order: ascending priority, then listed order. */
export function comesBefore(a: Placed, b: Placed): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a.ordinal < b.ordinal);
}
