/** Local calendar fields of an instant in a zone; weekday is ISO (1 = Monday … 7 = Sunday). */
export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
}

/** An IANA zone ready for conversions (P5); built once per zone by the compiled index. */
export interface Zone {
  readonly name: string;
  readonly format: Intl.DateTimeFormat;
}

const MS_PER_DAY = 86_400_000;

/**
 * Zones already built, by the name asked for. Building an `Intl.DateTimeFormat` costs about a tenth of a
 * millisecond, which compiling 100,000 promotions paid once each (#21). The formats are immutable and the
 * same for every caller, so sharing them changes no answer. Only valid names are kept, and the IANA list is
 * finite, so the map stays small whatever the input.
 */
const zones = new Map<string, Zone>();

/** The zone, or null when `name` is not an IANA zone this runtime knows. */
export function createZone(name: string): Zone | null {
  const known = zones.get(name);
  if (known) return known;
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const zone = { name: format.resolvedOptions().timeZone, format };
    zones.set(name, zone);
    return zone;
  } catch (error: unknown) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** True when `name` is a known IANA zone. */
export function isValidTimeZone(name: string): boolean {
  return createZone(name) !== null;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
export function epochDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** ISO weekday (1 = Monday) of an epoch day: 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The local fields of `epochMs` in `zone`. */
export function localTime(zone: Zone, epochMs: number): LocalTime {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of zone.format.formatToParts(epochMs)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  return { year, month, day, hour, minute, second, weekday: weekdayOfEpochDay(epochDay(year, month, day)) };
}

/** UTC offset of `zone` at `epochMs`, in milliseconds (local − UTC). */
export function offsetAt(zone: Zone, epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const t = localTime(zone, whole);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - whole;
}

/**
 * The instant of a wall-clock time in `zone` (P5, README rule 6): a time in a
 * spring-forward gap moves forward by the gap; a time that occurs twice takes its first
 * occurrence.
 */
export function wallTimeToInstant(
  zone: Zone,
  wall: { readonly year: number; readonly month: number; readonly day: number; readonly hour: number; readonly minute: number; readonly second: number },
): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const before = offsetAt(zone, asUtc - MS_PER_DAY);
  const after = offsetAt(zone, asUtc + MS_PER_DAY);
  const candidates = [...new Set([before, offsetAt(zone, asUtc), after])]
    .map((offset) => asUtc - offset)
    .filter((instant) => asUtc - offsetAt(zone, instant) === instant)
    .sort((a, b) => a - b);
  const [first] = candidates;
  // No candidate: the wall time is in a gap; reading it with the offset before the change
  // lands as far past the change as the time was past the gap's start.
  return first ?? asUtc - before;
}
