import { Inject, Injectable, Logger } from '@nestjs/common';
import { activeTraceHeaders, APP_CONFIG, ConflictError, ValidationFailedError } from '@promo/platform';
import type { PricingConfig } from '../config/env.schema';
import { CodeRegistryUnavailableError } from './code-registry-unavailable.error';

/**
 * code-inventory's `PUT /v1/promotions/{id}/shared-codes` (apps/code-inventory/README.md): registers a coupon's shared codes
 * with the store's one authority on codes (C2, #19.4) before pricing saves the promotion. Idempotent, so transport
 * errors and 5xx are retried; a 409 passes through naming who holds the code; anything else refuses the save (503),
 * since a code saved without the authority's word could shadow another promotion's.
 */
@Injectable()
export class SharedCodeRegistryClient {
  private readonly logger = new Logger('shared-code-registry-client');

  constructor(@Inject(APP_CONFIG) private readonly config: PricingConfig) {}

  /** `version` is the promotion version being saved; `codes` as the merchant typed them. */
  async register(promotionId: string, version: number, codes: readonly string[]): Promise<void> {
    const url = new URL(`/v1/promotions/${encodeURIComponent(promotionId)}/shared-codes`, this.config.CODE_INVENTORY_URL);
    for (let attempt = 0; attempt <= this.config.CODE_INVENTORY_RETRIES; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'PUT',
          headers: { 'x-api-key': this.config.CODE_INVENTORY_API_KEY, 'content-type': 'application/json', accept: 'application/json', ...activeTraceHeaders() },
          body: JSON.stringify({ codes, version }),
          signal: AbortSignal.timeout(this.config.CODE_INVENTORY_REGISTRY_TIMEOUT_MS),
        });
      } catch (error) {
        this.logger.warn({ err: error, promotionId }, 'shared-code registration attempt failed');
        continue;
      }
      if (response.status === 200) {
        await response.body?.cancel();
        return;
      }
      if (response.status >= 500) {
        await response.body?.cancel();
        continue;
      }
      const detail = await problemDetail(response);
      if (response.status === 409) throw new ConflictError(detail ?? 'a shared code is already used elsewhere in the store', 'duplicate_code');
      if (response.status === 400) throw new ValidationFailedError([{ field: 'codes', reason: 'invalid_code', detail: detail ?? 'code-inventory refused a code' }]);
      // 401/403/404: retrying will not help; an operator must fix the key or the address.
      this.logger.error({ status: response.status, promotionId }, 'code-inventory refused the shared-code registration');
      break;
    }
    throw new CodeRegistryUnavailableError('code-inventory could not register the shared codes just now; the promotion was not saved, please retry');
  }
}

async function problemDetail(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string' ? body.detail : undefined;
  } catch {
    return undefined; // not problem+json: the caller says it in its own words
  }
}
