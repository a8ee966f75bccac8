import { ManualClock } from './clock';

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
