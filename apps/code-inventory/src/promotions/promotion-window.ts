import type { PromotionValidity } from '../codes/code-state';

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The instants pricing resolved for a schedule (`pricing.promotion-changed` `startsAt`/`endsAt`); absent in older events. */
export interface ResolvedBounds {
  readonly startsAt?: string | null;
  readonly endsAt?: string | null;
}

/**
 * C9: the window in which a promotion's codes are valid, from the promotion as `pricing.promotion-changed`
 * carries it: `enabled` (default true) and the instants pricing resolved (#19.3: a schedule that names no zone
 * runs in the store's zone, which only pricing knows). An older event without them falls back to the
 * `schedule.start`/`end` wall times in `schedule.timeZone` (UTC when none; an explicit offset wins).
 * Recurring hours are pricing's concern.
 */
export function promotionWindow(promotion: Readonly<Record<string, unknown>> | null, resolved: ResolvedBounds = {}): PromotionValidity {
  if (promotion === null) return { isEnabled: false, isDeleted: true, startsAt: null, endsAt: null };
  if (resolved.startsAt !== undefined && resolved.endsAt !== undefined) {
    return { isEnabled: promotion['enabled'] !== false, isDeleted: false, startsAt: instantOrNull(resolved.startsAt), endsAt: instantOrNull(resolved.endsAt) };
  }
  const schedule = promotion['schedule'];
  const record = typeof schedule === 'object' && schedule !== null && !Array.isArray(schedule) ? schedule : {};
  const zone = 'timeZone' in record && typeof record.timeZone === 'string' ? record.timeZone : 'UTC';
  const instant = (key: 'start' | 'end'): Date | null => {
    const value: unknown = key in record ? Reflect.get(record, key) : null;
    return typeof value === 'string' ? wallTimeInstant(value, zone) : null;
  };
  return { isEnabled: promotion['enabled'] !== false, isDeleted: false, startsAt: instant('start'), endsAt: instant('end') };
}

/** The instant of a wall time in an IANA zone (or at its explicit offset); null when unreadable. */
export function wallTimeInstant(text: string, zone: string): Date | null {
  const match = WALL_TIME.exec(text);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, offset] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? '0'), Number(mi ?? '0'), Number(s ?? '0'));
  if (offset === 'Z') return new Date(asUtc);
  if (offset !== undefined) {
    const sign = offset.startsWith('-') ? -1 : 1;
    return new Date(asUtc - sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000);
  }
  // Two passes find the zone's offset at that wall time (daylight saving changes included).
  let guess = asUtc - zoneOffsetMs(zone, asUtc);
  guess = asUtc - zoneOffsetMs(zone, guess);
  return new Date(guess);
}

function zoneOffsetMs(zone: string, at: number): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  } catch {
    return 0; // an unknown zone reads as UTC; pricing refuses such promotions anyway
  }
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return local - Math.floor(at / 1000) * 1000;
}

function instantOrNull(text: string | null): Date | null {
  if (text === null) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
