/**
 * A small circuit breaker: after `threshold` consecutive failures it opens for `openMs` (calls fail fast), then
 * lets one trial through; a success closes it. Time comes from the caller's clock.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private isTrialOut = false;

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
    private readonly nowMs: () => number,
  ) {}

  /** Whether a call may go out now. */
  canPass(): boolean {
    if (this.failures < this.threshold) return true;
    if (this.nowMs() < this.openUntil || this.isTrialOut) return false;
    this.isTrialOut = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.isTrialOut = false;
  }

  failed(): void {
    this.failures += 1;
    this.isTrialOut = false;
    if (this.failures >= this.threshold) this.openUntil = this.nowMs() + this.openMs;
  }
}
