import type { Recurring, Schedule, WallTime } from '../model/promotion';
import { type LocalTime, type Zone, createZone, epochDay, localTime, wallTimeToInstant, weekdayOfEpochDay } from './zone';

/** A schedule resolved to instants once, when promotions are compiled (P5). */
export interface CompiledSchedule {
  /** Inclusive start, epoch ms; null = no start. */
  readonly startMs: number | null;
  /** Exclusive end, epoch ms; null = no end. */
  readonly endMs: number | null;
  readonly zone: Zone;
  readonly recurring: Recurring | null;
  /** Epoch day of the Monday of the week that contains `start`: an on-week (README rule 6). */
  readonly referenceMonday: number;
}

export type ScheduleStatus = 'active' | 'not_started' | 'expired';

/** The instant of a schedule wall time in `zone`, or its explicit offset when it has one. */
export function instantOf(wall: WallTime, zone: Zone): number {
  if (wall.offsetMinutes !== null) {
    return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - wall.offsetMinutes * 60_000;
  }
  return wallTimeToInstant(zone, wall);
}

const FIRST_MONDAY = epochDay(1970, 1, 5);

function mondayOf(day: number): number {
  return day - (weekdayOfEpochDay(day) - 1);
}

/** Resolves a schedule in its zone (the schedule's own, or the store's). */
export function compileSchedule(schedule: Schedule, zone: Zone): CompiledSchedule {
  const startMs = schedule.start === null ? null : instantOf(schedule.start, zone);
  let referenceMonday = FIRST_MONDAY;
  if (schedule.start !== null && startMs !== null) {
    const local = schedule.start.offsetMinutes === null ? schedule.start : localTime(zone, startMs);
    referenceMonday = mondayOf(epochDay(local.year, local.month, local.day));
  }
  return {
    startMs,
    endMs: schedule.end === null ? null : instantOf(schedule.end, zone),
    zone,
    recurring: schedule.recurring,
    referenceMonday,
  };
}

/**
 * P5 / README rule 6: active from start (inclusive) to end (exclusive); a recurring schedule
 * also needs an on-week (every N weeks from the week of start, weeks Monday to Sunday), a
 * listed weekday and a local time in [from, to). Outside a recurring window is "not started".
 */
export function scheduleStatus(schedule: CompiledSchedule, atMs: number, localAt: (zone: Zone) => LocalTime): ScheduleStatus {
  if (schedule.endMs !== null && atMs >= schedule.endMs) return 'expired';
  if (schedule.startMs !== null && atMs < schedule.startMs) return 'not_started';
  const recurring = schedule.recurring;
  if (recurring === null) return 'active';
  const local = localAt(schedule.zone);
  if (!recurring.weekdays.has(local.weekday)) return 'not_started';
  const second = local.hour * 3600 + local.minute * 60 + local.second;
  if (second < recurring.fromSecond || second >= recurring.toSecond) return 'not_started';
  if (recurring.everyNWeeks > 1) {
    const weeks = Math.round((mondayOf(epochDay(local.year, local.month, local.day)) - schedule.referenceMonday) / 7);
    if (((weeks % recurring.everyNWeeks) + recurring.everyNWeeks) % recurring.everyNWeeks !== 0) return 'not_started';
  }
  return 'active';
}

/** The start (inclusive) and end (exclusive) instants of a schedule, epoch ms (null = open), in its zone or `storeTimeZone`. */
export function scheduleBounds(schedule: Schedule, storeTimeZone: string): { readonly startMs: number | null; readonly endMs: number | null } {
  const zone = createZone(schedule.timeZone ?? storeTimeZone) ?? createZone('UTC');
  if (zone === null) throw new RangeError('The runtime lacks the UTC time zone.');
  const compiled = compileSchedule(schedule, zone);
  return { startMs: compiled.startMs, endMs: compiled.endMs };
}
