import { DomainError } from '@promo/platform';

/** 503: code-inventory, the store's authority on codes (C2), could not say whether a shared code is free; nothing was saved. */
export class CodeRegistryUnavailableError extends DomainError {
  readonly status = 503;
  readonly reason = 'code_registry_unavailable';
}
