import { type Zone, createZone, isValidTimeZone, localTime, offsetAt, wallTimeToInstant } from './zone';

function zone(name: string): Zone {
  const z = createZone(name);
  if (z === null) throw new Error(`zone ${name} unknown`);
  return z;
}

const wall = (text: string) => {
  const [date = '', time = '00:00:00'] = text.split('T');
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const [hour = 0, minute = 0, second = 0] = time.split(':').map(Number);
  return { year, month, day, hour, minute, second };
};

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('wallTimeToInstant in America/New_York', () => {
  const ny = zone('America/New_York');

  it('reads 03:00 on the spring-forward day (2026-03-08) as 03:00 EDT = 07:00Z', () => {
    expect(iso(wallTimeToInstant(ny, wall('2026-03-08T03:00:00')))).toBe('2026-03-08T07:00:00Z');
  });

  it('reads 01:59:59 before the jump as EST', () => {
    expect(iso(wallTimeToInstant(ny, wall('2026-03-08T01:59:59')))).toBe('2026-03-08T06:59:59Z');
  });

  it('moves a time in the gap (02:30) forward by the gap: 03:30 EDT', () => {
    expect(iso(wallTimeToInstant(ny, wall('2026-03-08T02:30:00')))).toBe('2026-03-08T07:30:00Z');
  });

  it('takes the first occurrence of 01:30 on the fall-back day (2026-11-01): EDT', () => {
    expect(iso(wallTimeToInstant(ny, wall('2026-11-01T01:30:00')))).toBe('2026-11-01T05:30:00Z');
  });

  it('reads 02:00 after the fall-back as EST', () => {
    expect(iso(wallTimeToInstant(ny, wall('2026-11-01T02:00:00')))).toBe('2026-11-01T07:00:00Z');
  });

  it('knows the offsets on both sides of the change', () => {
    expect(offsetAt(ny, Date.parse('2026-03-08T06:59:59Z'))).toBe(-5 * 3600_000);
    expect(offsetAt(ny, Date.parse('2026-03-08T07:00:00Z'))).toBe(-4 * 3600_000);
  });
});

describe('half-hour offset zones', () => {
  it('reads Asia/Kolkata wall times at +05:30', () => {
    const kolkata = zone('Asia/Kolkata');
    expect(iso(wallTimeToInstant(kolkata, wall('2026-11-20T18:00:00')))).toBe('2026-11-20T12:30:00Z');
    expect(localTime(kolkata, Date.parse('2026-11-20T18:45:00Z'))).toEqual({ year: 2026, month: 11, day: 21, hour: 0, minute: 15, second: 0, weekday: 6 });
  });

  it('moves a time in the Australia/Adelaide spring gap (2026-10-04 02:30 ACST) to 03:30 ACDT', () => {
    const adelaide = zone('Australia/Adelaide');
    expect(iso(wallTimeToInstant(adelaide, wall('2026-10-04T02:30:00')))).toBe('2026-10-03T17:00:00Z');
  });

  it('takes the first (ACDT, +10:30) of the twice-occurring 02:30 on 2026-04-05 in Adelaide', () => {
    const adelaide = zone('Australia/Adelaide');
    expect(iso(wallTimeToInstant(adelaide, wall('2026-04-05T02:30:00')))).toBe('2026-04-04T16:00:00Z');
    expect(offsetAt(adelaide, Date.parse('2026-04-04T17:00:00Z'))).toBe(9.5 * 3600_000);
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and refuses others', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
