interface Waiter {
  readonly done: Promise<void>;
  readonly resolve: () => void;
}

function waiter(): Waiter {
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((r) => (resolve = r));
  return { done, resolve };
}

/**
 * Runs a round of work on request, never two at once: requests during a round cause exactly one more
 * round after it. `request()` resolves once a round that started after the call has finished, so a
 * caller can wait for its own change to be seen. Campaigns' decider and dispatcher and pricing's
 * promotion index are woken this way (by jobs, events and a periodic tick): a burst costs one round.
 */
export class CoalescingRounds {
  private pending: Waiter | undefined;
  private isLooping = false;
  private loopDone: Promise<void> | undefined;
  private isStoppedFlag = false;

  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  get isStopped(): boolean {
    return this.isStoppedFlag;
  }

  request(): Promise<void> {
    if (this.isStoppedFlag) return Promise.resolve();
    this.pending ??= waiter();
    const { done } = this.pending;
    if (!this.isLooping) {
      this.isLooping = true;
      this.loopDone = this.loop();
    }
    return done;
  }

  /** No new round starts; resolves when the one in progress has finished. Waiting callers are released. */
  async stop(): Promise<void> {
    this.isStoppedFlag = true;
    await this.loopDone;
    this.pending?.resolve();
    this.pending = undefined;
  }

  private async loop(): Promise<void> {
    while (this.pending !== undefined && !this.isStoppedFlag) {
      const served = this.pending;
      this.pending = undefined;
      try {
        await this.round();
      } catch (error) {
        this.onFailure(error);
      }
      served.resolve();
    }
    // Cleared in the same turn as the last check, so a request made from here on starts a new loop.
    this.isLooping = false;
  }
}
