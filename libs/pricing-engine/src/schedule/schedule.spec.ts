import type { Schedule } from '../model/promotion';
import type { ValidationError } from '../validation/issues';
import { parseSchedule } from '../validation/parse-schedule';
import { type CompiledSchedule, compileSchedule, scheduleStatus } from './schedule';
import { createZone, localTime } from './zone';

function compiled(schedule: unknown, storeZone = 'America/New_York'): CompiledSchedule {
  const errors: ValidationError[] = [];
  const parsed: Schedule | null | undefined = parseSchedule(schedule, 'schedule', errors);
  if (parsed === null || parsed === undefined || errors.length > 0) throw new Error('bad schedule in test');
  const zone = createZone(parsed.timeZone ?? storeZone);
  if (zone === null) throw new Error('zone');
  return compileSchedule(parsed, zone);
}

function statusAt(schedule: CompiledSchedule, at: string): string {
  const ms = Date.parse(at);
  return scheduleStatus(schedule, ms, (zone) => localTime(zone, ms));
}

describe('scheduleStatus', () => {
  it('is active from start (inclusive) to end (exclusive)', () => {
    const s = compiled({ start: '2026-11-20T00:00:00', end: '2026-11-21T00:00:00', timeZone: 'America/New_York' });
    expect(statusAt(s, '2026-11-20T04:59:59Z')).toBe('not_started');
    expect(statusAt(s, '2026-11-20T05:00:00Z')).toBe('active');
    expect(statusAt(s, '2026-11-21T04:59:59Z')).toBe('active');
    expect(statusAt(s, '2026-11-21T05:00:00Z')).toBe('expired');
  });

  it('uses the store zone when the schedule names none', () => {
    const s = compiled({ end: '2026-11-20T18:00:00' }, 'Europe/Berlin');
    expect(statusAt(s, '2026-11-20T16:59:59Z')).toBe('active');
    expect(statusAt(s, '2026-11-20T17:00:00Z')).toBe('expired');
  });

  it('keeps a daily window in local time across the New York spring-forward day', () => {
    const s = compiled({ start: '2026-03-01T00:00:00', timeZone: 'America/New_York', recurring: { everyNWeeks: 1, weekdays: ['SAT', 'SUN'], from: '09:00', to: '17:00' } });
    // Saturday 2026-03-07 13:30Z is 08:30 EST: before the window.
    expect(statusAt(s, '2026-03-07T13:30:00Z')).toBe('not_started');
    // Sunday 2026-03-08 13:30Z is 09:30 EDT: inside.
    expect(statusAt(s, '2026-03-08T13:30:00Z')).toBe('active');
    // 21:00Z on the Sunday is 17:00 EDT: the window's end is exclusive.
    expect(statusAt(s, '2026-03-08T21:00:00Z')).toBe('not_started');
  });

  it('keeps a daily window in local time on the New York fall-back day', () => {
    const s = compiled({ start: '2026-10-01T00:00:00', timeZone: 'America/New_York', recurring: { weekdays: ['SUN'], from: '01:00', to: '02:00' } });
    // 2026-11-01 05:30Z is 01:30 EDT and 06:30Z is 01:30 EST: both inside the local hour.
    expect(statusAt(s, '2026-11-01T05:30:00Z')).toBe('active');
    expect(statusAt(s, '2026-11-01T06:30:00Z')).toBe('active');
    // 07:00Z is 02:00 EST: outside.
    expect(statusAt(s, '2026-11-01T07:00:00Z')).toBe('not_started');
  });

  it('reads a flash window in Asia/Kolkata (+05:30)', () => {
    const s = compiled({ start: '2026-11-01T00:00:00', timeZone: 'Asia/Kolkata', recurring: { weekdays: ['FRI'], from: '10:00', to: '12:00' } });
    expect(statusAt(s, '2026-11-20T04:29:59Z')).toBe('not_started'); // 09:59:59 IST
    expect(statusAt(s, '2026-11-20T04:30:00Z')).toBe('active'); // 10:00 IST
    expect(statusAt(s, '2026-11-20T06:30:00Z')).toBe('not_started'); // 12:00 IST
  });

  it('reads the weekday in the local zone, not UTC (Adelaide, +10:30 in summer)', () => {
    const s = compiled({ start: '2026-11-01T00:00:00', timeZone: 'Australia/Adelaide', recurring: { weekdays: ['SAT'] } });
    // 2026-11-20T14:00Z is Friday in UTC but Saturday 00:30 ACDT.
    expect(statusAt(s, '2026-11-20T14:00:00Z')).toBe('active');
    expect(statusAt(s, '2026-11-20T13:00:00Z')).toBe('not_started');
  });

  it('counts on-weeks from the Monday-to-Sunday week that holds the start', () => {
    // Start Wednesday 2026-12-23: on-weeks begin Mon 12-21, 2027-01-04, 01-18...
    const s = compiled({ start: '2026-12-23T00:00:00', timeZone: 'America/New_York', recurring: { everyNWeeks: 2, weekdays: ['FRI', 'SAT', 'SUN'] } });
    expect(statusAt(s, '2026-12-26T17:00:00Z')).toBe('active'); // Sat of the start week
    expect(statusAt(s, '2027-01-02T17:00:00Z')).toBe('not_started'); // Sat of an off-week
    expect(statusAt(s, '2027-01-09T17:00:00Z')).toBe('active');
    expect(statusAt(s, '2027-01-16T17:00:00Z')).toBe('not_started');
  });
});
