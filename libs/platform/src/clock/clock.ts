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
