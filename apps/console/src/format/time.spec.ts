import { formatDay, formatInstant } from './time';

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
