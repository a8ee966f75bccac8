import { scheduleBounds } from '@promo/pricing-engine';

/** An instant shown as date and time in the store's time zone and locale. */
export function formatInstant(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** A calendar day (`2026-11-25`) as the locale writes it; the day is already the store's. */
export function formatDay(day: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (match === null) return day;
  const utcNoon = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(utcNoon);
}

/**
 * A `datetime-local` value (`2026-11-27T09:30`, seconds optional) read as a wall time in `timeZone`, as the instant
 * the engine would give it (its own zone rules: a time skipped by a clock change moves forward); null when it is no such value.
 */
export function wallTimeInZone(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const start = { year: year ?? 0, month: month ?? 0, day: day ?? 0, hour: hour ?? 0, minute: minute ?? 0, second: second ?? 0, offsetMinutes: null };
  const { startMs } = scheduleBounds({ start, end: null, timeZone: null, recurring: null }, timeZone);
  return startMs === null || Number.isNaN(startMs) ? null : new Date(startMs).toISOString();
}
