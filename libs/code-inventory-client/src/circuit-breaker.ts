import { performance } from 'node:perf_hooks';

/** What the breaker answers for a call about to go out. */
export type BreakerAdmission = 'pass' | 'trial' | 'refuse';

/**
 * The circuit breaker of one process's calls to code-inventory (ARCHITECTURE.md "Synchronous calls"):
 * `threshold` unavailable answers in a row open it; for `openMs` calls are refused at once (the caller degrades)
 * instead of each waiting out its timeout; then one trial call goes out, and its outcome closes or reopens it.
 *
 * Per process on purpose: each replica learns for itself whether it reaches code-inventory, and nothing of
 * correctness depends on it. Its time is monotonic process time unless the caller gives another: in a replay the
 * domain Clock follows event time and stops at the last record, and an open breaker must still close.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openUntilMs = 0;
  private isTrialOut = false;

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  get isOpen(): boolean {
    return this.consecutiveFailures >= this.threshold;
  }

  admit(): BreakerAdmission {
    if (!this.isOpen) return 'pass';
    if (this.isTrialOut || this.nowMs() < this.openUntilMs) return 'refuse';
    this.isTrialOut = true;
    return 'trial';
  }

  /** code-inventory answered (whatever the answer, unless it said it cannot serve now). */
  recordAnswered(): void {
    this.consecutiveFailures = 0;
    this.isTrialOut = false;
  }

  /** Unreachable, timed out, or an answer that says it cannot serve now. */
  recordUnavailable(): void {
    this.consecutiveFailures += 1;
    this.isTrialOut = false;
    if (this.isOpen) this.openUntilMs = this.nowMs() + this.openMs;
  }
}
