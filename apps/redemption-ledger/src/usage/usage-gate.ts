import { Injectable } from '@nestjs/common';

/**
 * The in-process gate between the usage steps (a Redis script and the Postgres write recording it)
 * and a rebuild (L3): a rebuild closes the gate and waits until every step already past it has
 * finished before it reads Postgres; steps arriving while it is closed are turned away (HTTP answers
 * 503) instead of waiting. Across processes the shared advisory lock (usage-lock.ts) and the check
 * that a reservation's holds survived (UsageScripts.areHeld) give the same guarantee.
 */
@Injectable()
export class UsageGate {
  private inside = 0;
  private isClosedNow = false;
  private waiters: (() => void)[] = [];

  get isClosed(): boolean {
    return this.isClosedNow;
  }

  /** Runs `step` inside the gate; `undefined` (nothing run) while the gate is closed. */
  async run<T>(step: () => Promise<T>): Promise<{ readonly value: T } | undefined> {
    if (this.isClosedNow) return undefined;
    this.inside += 1;
    try {
      return { value: await step() };
    } finally {
      this.inside -= 1;
      if (this.inside === 0) this.wakeWaiters();
    }
  }

  /** Closes the gate now; resolves when every step inside has finished. */
  async closeAndDrain(): Promise<void> {
    this.isClosedNow = true;
    if (this.inside === 0) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  open(): void {
    this.isClosedNow = false;
  }

  private wakeWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
