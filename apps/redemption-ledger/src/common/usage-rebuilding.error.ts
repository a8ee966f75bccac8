import { DomainError } from '@promo/platform';

/** L3: the counters are being rebuilt from Postgres; the client retries after `retryAfterSeconds`. */
export class UsageRebuildingError extends DomainError {
  readonly status = 503;
  readonly reason = 'usage_rebuilding';

  constructor(readonly retryAfterSeconds: number) {
    super('usage counters are being rebuilt after Redis lost them; retry shortly');
  }
}
