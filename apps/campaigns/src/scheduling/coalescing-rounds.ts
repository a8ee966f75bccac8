/**
 * Runs a round of work on request, never two at once: a request during a round causes exactly one
 * more round after it. The decider and the dispatcher are both woken this way (by jobs, events and
 * a periodic tick), so bursts of wake-ups cost one round each.
 */
export class CoalescingRounds {
  private running: Promise<void> | undefined;
  private isRequested = false;
  private isStoppedFlag = false;

  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  get isStopped(): boolean {
    return this.isStoppedFlag;
  }

  request(): void {
    this.isRequested = true;
    if (this.running || this.isStoppedFlag) return;
    this.running = (async () => {
      while (this.isRequested && !this.isStoppedFlag) {
        this.isRequested = false;
        try {
          await this.round();
        } catch (error) {
          this.onFailure(error);
        }
      }
    })().finally(() => (this.running = undefined));
  }

  /** No new round starts; resolves when the one in progress has finished. */
  async stop(): Promise<void> {
    this.isStoppedFlag = true;
    await this.running;
  }
}
