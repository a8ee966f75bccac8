import type { Recurring, Schedule, WallTime, Weekday } from '../model/promotion';
import { isValidTimeZone } from '../schedule/zone';
import { type Errors, describeValue, fail, fieldPath, indexPath, isRecord, readInteger, readString } from './issues';

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/;
const CLOCK = /^(\d{2}):(\d{2})$/;
export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A schedule wall time ("2026-03-08T03:00:00"; an explicit offset or Z is honoured). */
export function parseWallTime(text: string): WallTime | null {
  const match = WALL_TIME.exec(text);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? '0');
  const minute = Number(mi ?? '0');
  const second = Number(s ?? '0');
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes: number | null = null;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone !== undefined) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  return { year, month, day, hour, minute, second, offsetMinutes };
}

/** Seconds since local midnight of "HH:MM"; "24:00" is the end of the day. */
export function parseClock(text: string): number | null {
  const match = CLOCK.exec(text);
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 3600 + minutes * 60;
}

function readWallTime(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors): WallTime | null | undefined {
  if (obj[key] === undefined || obj[key] === null) return null;
  const text = readString(obj, key, path, errors);
  if (text === undefined) return undefined;
  return parseWallTime(text) ?? fail(errors, fieldPath(path, key), 'invalid_date', `${key} must be a date-time like 2026-03-08T03:00:00, got ${JSON.stringify(text)}.`);
}

/** Comparable key of a wall time; with explicit offsets it is the instant. */
function sortKey(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - (wall.offsetMinutes ?? 0) * 60_000;
}

/** A schedule (P5); null when absent. Impossible schedules are refused. */
export function parseSchedule(value: unknown, path: string, errors: Errors): Schedule | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `schedule must be an object, got ${describeValue(value)}.`);
  const start = readWallTime(value, 'start', path, errors);
  const end = readWallTime(value, 'end', path, errors);
  let timeZone: string | null | undefined = null;
  if (value['timeZone'] !== undefined && value['timeZone'] !== null) {
    timeZone = readString(value, 'timeZone', path, errors);
    if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
      timeZone = fail(errors, fieldPath(path, 'timeZone'), 'invalid_time_zone', `${JSON.stringify(timeZone)} is not an IANA time zone.`);
    }
  }
  if (start && end && sortKey(end) <= sortKey(start)) {
    fail(errors, fieldPath(path, 'end'), 'end_not_after_start', 'end must be after start: the promotion could never be active.');
  }
  const recurring = parseRecurring(value['recurring'], fieldPath(path, 'recurring'), errors);
  if (start === undefined || end === undefined || timeZone === undefined || recurring === undefined) return undefined;
  return { start, end, timeZone, recurring };
}

function parseRecurring(value: unknown, path: string, errors: Errors): Recurring | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `recurring must be an object, got ${describeValue(value)}.`);
  const everyNWeeks = value['everyNWeeks'] === undefined ? 1 : readInteger(value, 'everyNWeeks', path, errors, { min: 1 });
  let weekdays: Set<number> | undefined = new Set([1, 2, 3, 4, 5, 6, 7]);
  if (value['weekdays'] !== undefined) {
    const raw = value['weekdays'];
    const field = fieldPath(path, 'weekdays');
    if (!Array.isArray(raw) || raw.length === 0) {
      weekdays = fail(errors, field, 'required', 'weekdays must be a non-empty array of MON..SUN.');
    } else {
      const days = new Set<number>();
      raw.forEach((entry: unknown, i: number) => {
        const index = WEEKDAYS.findIndex((name) => typeof entry === 'string' && name === entry.toUpperCase());
        if (index < 0) fail(errors, indexPath(field, i), 'invalid_value', `Weekdays are MON, TUE, WED, THU, FRI, SAT, SUN; got ${JSON.stringify(entry)}.`);
        else days.add(index + 1);
      });
      weekdays = days;
    }
  }
  const fromSecond = readClock(value, 'from', path, errors, 0);
  const toSecond = readClock(value, 'to', path, errors, 86_400);
  if (fromSecond !== undefined && toSecond !== undefined && toSecond <= fromSecond) {
    fail(errors, fieldPath(path, 'to'), 'end_not_after_start', 'to must be after from: the daily window would be empty.');
    return undefined;
  }
  if (everyNWeeks === undefined || weekdays === undefined || fromSecond === undefined || toSecond === undefined) return undefined;
  return { everyNWeeks, weekdays, fromSecond, toSecond };
}

function readClock(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors, fallback: number): number | undefined {
  if (obj[key] === undefined || obj[key] === null) return fallback;
  const text = readString(obj, key, path, errors);
  if (text === undefined) return undefined;
  return parseClock(text) ?? fail(errors, fieldPath(path, key), 'invalid_format', `${key} must be HH:MM between 00:00 and 24:00, got ${JSON.stringify(text)}.`);
}
