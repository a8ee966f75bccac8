import { UnrecoverableEventError } from './event-handler';

export interface RetryPolicy {
  /** Attempts for a failing handler before the record is dead-lettered. */
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 5_000 };

export type FailureKind = 'unrecoverable' | 'infrastructure' | 'handler';

// Connection loss, failover and contention in Postgres: waiting fixes them, so they never dead-letter.
const INFRASTRUCTURE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300', '40001', '40P01']);

/**
 * Unrecoverable → dead-letter now; infrastructure → retry while running; anything else → retry up to maxAttempts.
 * An error that says waiting fixes it sets `retriable: true` (kafkajs' convention, which its own errors follow): a
 * store being rebuilt or out of reach, a broker settling. Errors of drivers are known by their codes.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof UnrecoverableEventError) return 'unrecoverable';
  if ((error as { retriable?: unknown } | null)?.retriable === true) return 'infrastructure';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (INFRASTRUCTURE_CODES.has(code) || code.startsWith('08'))) return 'infrastructure';
  const message = error instanceof Error ? error.message : '';
  if (/Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message)) return 'infrastructure';
  return 'handler';
}

/** Exponential backoff with full jitter, capped. `attempt` starts at 1. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
