import { DomainError } from '@promo/platform';

/** The replica has not built its first index yet (readiness says so too): 503, try another replica. */
export class IndexNotReadyError extends DomainError {
  readonly status = 503;
  readonly reason = 'index_not_ready';
}
