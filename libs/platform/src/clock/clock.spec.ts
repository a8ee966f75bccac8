import { EventTimeClock, isEventTimeObserver, ManualClock } from './clock';

describe('ManualClock', () => {
  it('stays where it is set and moves only when advanced', () => {
    const clock = new ManualClock('2026-03-08T06:59:00Z');
    expect(clock.now().toISOString()).toBe('2026-03-08T06:59:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-03-08T07:00:00.000Z');
    clock.set('2026-11-01T05:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-01T05:00:00.000Z');
  });
});

describe('EventTimeClock', () => {
  it('follows the greatest observed event time and never goes back', () => {
    const clock = new EventTimeClock('2026-11-20T00:00:00Z');
    clock.observe(new Date('2026-11-20T00:12:00Z'));
    clock.observe(new Date('2026-11-20T00:05:00Z'));
    expect(clock.now().toISOString()).toBe('2026-11-20T00:12:00.000Z');
    clock.observe(new Date(Number.NaN));
    expect(clock.now().toISOString()).toBe('2026-11-20T00:12:00.000Z');
    expect(isEventTimeObserver(clock)).toBe(true);
    expect(isEventTimeObserver(new ManualClock('2026-01-01T00:00:00Z'))).toBe(false);
  });
});
