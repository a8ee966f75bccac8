import { promotionWindow, wallTimeInstant } from './promotion-window';

describe('promotionWindow', () => {
  it('reads enabled and the schedule in the promotion zone', () => {
    expect(promotionWindow({ id: 'p', kind: 'coupon', schedule: { start: '2026-06-01T00:00:00', end: '2026-07-01T00:00:00', timeZone: 'Europe/Paris' } })).toEqual({
      isEnabled: true,
      isDeleted: false,
      startsAt: new Date('2026-05-31T22:00:00Z'),
      endsAt: new Date('2026-06-30T22:00:00Z'),
    });
  });

  it('takes the instants pricing resolved in the store zone over the zoneless wall times (#19.3)', () => {
    const promotion = { id: 'p', kind: 'coupon', schedule: { start: '2026-06-01T00:00:00', end: '2026-07-01T00:00:00' } };
    expect(promotionWindow(promotion, { startsAt: '2026-06-01T04:00:00.000Z', endsAt: null })).toEqual({
      isEnabled: true,
      isDeleted: false,
      startsAt: new Date('2026-06-01T04:00:00Z'),
      endsAt: null,
    });
  });

  it('takes a disabled promotion, no schedule, and a deleted promotion', () => {
    expect(promotionWindow({ id: 'p', kind: 'coupon', enabled: false })).toEqual({ isEnabled: false, isDeleted: false, startsAt: null, endsAt: null });
    expect(promotionWindow(null)).toMatchObject({ isDeleted: true });
  });
});

describe('wallTimeInstant', () => {
  it('honours an explicit offset and a daylight-saving day in New York', () => {
    expect(wallTimeInstant('2026-01-01T10:00:00+02:00', 'UTC')).toEqual(new Date('2026-01-01T08:00:00Z'));
    // 2026-03-08 is the spring-forward day in New York: noon is EDT (UTC-4).
    expect(wallTimeInstant('2026-03-08T12:00:00', 'America/New_York')).toEqual(new Date('2026-03-08T16:00:00Z'));
  });
});
