import { DomainError } from '@promo/platform';

export type UsageUnavailableReason = 'usage_rebuilding' | 'usage_store_unavailable';

const MESSAGES: Readonly<Record<UsageUnavailableReason, string>> = {
  usage_rebuilding: 'usage counters are being rebuilt after Redis lost them; retry shortly',
  usage_store_unavailable: 'the usage counters cannot be reached; retry shortly',
};

/** 503 with `Retry-After`: counters are being rebuilt from Postgres (L3), or Redis cannot be reached. */
export class UsageUnavailableError extends DomainError {
  readonly status = 503;

  constructor(
    readonly reason: UsageUnavailableReason,
    readonly retryAfterSeconds: number,
  ) {
    super(MESSAGES[reason]);
  }

  override get headers(): Readonly<Record<string, string>> {
    return { 'Retry-After': String(this.retryAfterSeconds) };
  }
}
