/**
 * Runs `task` every `intervalMs` after the previous run has settled (never two at once), on an unref'd timer so
 * it never keeps the process alive. `stop()` ends it and resolves once the run in flight, if any, has settled, so
 * a shutdown hook that awaits it closes its connections after the last run, not under it. The task handles its
 * own errors: a rejection is swallowed here only so that the next run still comes.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private isStopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly task: () => Promise<void> | void,
  ) {}

  start(): void {
    this.isStopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private schedule(): void {
    if (this.isStopped) return;
    this.timer = setTimeout(() => {
      this.inFlight = (async () => this.task())()
        .catch(() => undefined)
        .finally(() => {
          this.inFlight = undefined;
          this.schedule();
        });
    }, this.intervalMs);
    this.timer.unref();
  }
}
