import { performance } from 'node:perf_hooks';

/** What the breaker answers for a call about to go out. */
export type BreakerAdmission = 'pass' | 'trial' | 'refuse';

/**
 * The circuit breaker of this process's calls to code-inventory (ARCHITECTURE.md "Synchronous calls").
 * `threshold` unavailable answers in a row open it: for `openMs` calls are refused at once (the emails
 * stay queued, as when code-inventory is down) instead of each waiting out its timeout; then one trial
 * call goes out, and its outcome closes or reopens it.
 *
 * Per process on purpose: each replica learns for itself whether it reaches code-inventory, and nothing
 * of correctness depends on it (a refused call only delays an email). Its time is monotonic process time,
 * not the domain Clock: in a replay the Clock follows event time and stops at the last record, and an open
 * breaker must still close.
 */
export class CodeInventoryBreaker {
  private consecutiveFailures = 0;
  private openUntilMs = 0;
  private isTrialOut = false;

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
    private readonly monotonicNowMs: () => number = () => performance.now(),
  ) {}

  get isOpen(): boolean {
    return this.consecutiveFailures >= this.threshold;
  }

  admit(): BreakerAdmission {
    if (!this.isOpen) return 'pass';
    if (this.isTrialOut || this.monotonicNowMs() < this.openUntilMs) return 'refuse';
    this.isTrialOut = true;
    return 'trial';
  }

  /** code-inventory answered (any answer but 5xx or 429, which mean it cannot serve now). */
  recordAnswered(): void {
    this.consecutiveFailures = 0;
    this.isTrialOut = false;
  }

  /** Unreachable, timed out, 5xx or 429. */
  recordUnavailable(): void {
    this.consecutiveFailures += 1;
    this.isTrialOut = false;
    if (this.isOpen) this.openUntilMs = this.monotonicNowMs() + this.openMs;
  }
}
