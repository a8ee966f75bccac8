/**
 * Runs `task` every `intervalMs` after the previous run has settled (never two at once), on an unref'd timer so
 * it never keeps the process alive; `stop()` ends it, also while a run is in flight. The task handles its own
 * errors: a rejection is swallowed here only so that the next run still comes.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private isStopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
  ) {}

  start(): void {
    this.isStopped = false;
    this.schedule();
  }

  stop(): void {
    this.isStopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.isStopped) return;
    this.timer = setTimeout(() => {
      void this.task()
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }
}
