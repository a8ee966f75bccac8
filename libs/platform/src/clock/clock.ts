/** The only source of "now" in services (STYLE.md "Time"); the engine receives `at` instead. */
export interface Clock {
  now(): Date;
}

/** Injection token for the Clock. */
export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    // The one place that reads the system time.
    // eslint-disable-next-line no-restricted-syntax
    return new Date();
  }
}

/** A clock tests (and replays) set and advance by hand. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}

/**
 * A clock that follows the event time of the records a service consumes and stands still between
 * them (CLOCK_MODE=event-time): a replay of recorded history then makes every time-based decision
 * (due emails, cool-downs, reservation TTLs) as it was made live, and stops at the last record.
 */
export class EventTimeClock implements Clock {
  private latest: number;

  constructor(start: Date | string | number = 0) {
    this.latest = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.latest);
  }

  /** Moves the clock to `at` if that is later; event time never goes back. */
  observe(at: Date): void {
    const time = at.getTime();
    if (Number.isFinite(time) && time > this.latest) this.latest = time;
  }
}

/** A clock that consumers feed with the event time of each record they read. */
export interface EventTimeObserver {
  observe(at: Date): void;
}

export function isEventTimeObserver(clock: Clock): clock is Clock & EventTimeObserver {
  return typeof (clock as Partial<EventTimeObserver>).observe === 'function';
}
