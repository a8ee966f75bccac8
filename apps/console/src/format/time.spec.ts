import { formatDay, formatInstant, wallTimeInZone } from './time';

describe('formatInstant', () => {
  it('shows the instant in the store zone', () => {
    expect(formatInstant('2026-03-08T10:30:00Z', 'America/New_York', 'en-US')).toBe('Mar 8, 2026, 6:30 AM');
    expect(formatInstant('2026-03-08T10:30:00Z', 'Europe/Berlin', 'en-GB')).toBe('8 Mar 2026, 11:30');
  });
});

describe('formatDay', () => {
  it('keeps the calendar day whatever the zone', () => {
    expect(formatDay('2026-11-25', 'en-US')).toBe('Nov 25, 2026');
  });
});

describe('wallTimeInZone', () => {
  it('reads a datetime-local value as a wall time in the store zone', () => {
    // New York is UTC−4 in July, UTC−5 in January; Berlin UTC+1 in January.
    expect(wallTimeInZone('2026-07-01T12:00', 'America/New_York')).toBe('2026-07-01T16:00:00.000Z');
    expect(wallTimeInZone('2026-01-15T09:30', 'America/New_York')).toBe('2026-01-15T14:30:00.000Z');
    expect(wallTimeInZone('2026-01-15T09:30:15', 'Europe/Berlin')).toBe('2026-01-15T08:30:15.000Z');
  });

  it('moves a wall time skipped by the spring clock change forward, as schedules do', () => {
    // 2026-03-08 02:30 does not exist in New York: clocks jump from 02:00 EST to 03:00 EDT (07:00Z).
    expect(wallTimeInZone('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('refuses what is not a datetime-local value', () => {
    expect(wallTimeInZone('next friday', 'UTC')).toBeNull();
    expect(wallTimeInZone('', 'UTC')).toBeNull();
  });
});
