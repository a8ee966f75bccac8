import type { ValidationError } from './issues';
import { parseClock, parseSchedule, parseWallTime } from './parse-schedule';

function errorsOf(schedule: unknown): ValidationError[] {
  const errors: ValidationError[] = [];
  parseSchedule(schedule, 'schedule', errors);
  return errors;
}

describe('parseSchedule', () => {
  it('refuses an end that is not after the start', () => {
    expect(errorsOf({ start: '2026-05-01T00:00:00', end: '2026-04-01T00:00:00' })).toEqual([
      expect.objectContaining({ field: 'schedule.end', reason: 'end_not_after_start' }),
    ]);
  });

  it('refuses an unknown zone, an impossible date and an empty daily window', () => {
    const errors = errorsOf({ start: '2026-02-30T00:00:00', timeZone: 'Mars/Base', recurring: { from: '14:00', to: '12:00' } });
    expect(errors.map((e) => [e.field, e.reason])).toEqual([
      ['schedule.start', 'invalid_date'],
      ['schedule.timeZone', 'invalid_time_zone'],
      ['schedule.recurring.to', 'end_not_after_start'],
    ]);
  });

  it('refuses unknown weekdays and weeks below one', () => {
    const errors = errorsOf({ recurring: { everyNWeeks: 0, weekdays: ['FRI', 'FUNDAY'] } });
    expect(errors.map((e) => [e.field, e.reason])).toEqual([
      ['schedule.recurring.everyNWeeks', 'out_of_range'],
      ['schedule.recurring.weekdays[1]', 'invalid_value'],
    ]);
  });
});

describe('parseWallTime and parseClock', () => {
  it('reads wall times with or without an offset', () => {
    expect(parseWallTime('2026-03-08T03:00:00')).toEqual({ year: 2026, month: 3, day: 8, hour: 3, minute: 0, second: 0, offsetMinutes: null });
    expect(parseWallTime('2026-03-08T03:00:00+05:30')?.offsetMinutes).toBe(330);
    expect(parseWallTime('2026-03-08T03:00:00Z')?.offsetMinutes).toBe(0);
    expect(parseWallTime('2026-13-01T00:00:00')).toBeNull();
  });

  it('reads HH:MM with 24:00 as the end of the day', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('13:30')).toBe(48_600);
    expect(parseClock('24:00')).toBe(86_400);
    expect(parseClock('24:30')).toBeNull();
  });
});
