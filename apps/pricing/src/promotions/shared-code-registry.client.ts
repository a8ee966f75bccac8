import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApiProblemError, type CodeInventoryClient, createCodeInventoryClient } from '@promo/client';
import { activeTraceHeaders, APP_CONFIG, ConflictError, ValidationFailedError } from '@promo/platform';
import type { PricingConfig } from '../config/env.schema';
import { CodeRegistryUnavailableError } from './code-registry-unavailable.error';

/**
 * code-inventory's `PUT /v1/promotions/{promotionId}/shared-codes` (apps/code-inventory/README.md), through the typed
 * client of its OpenAPI document (#24): registers a coupon's shared codes with the store's one authority on codes
 * (C2, #19.4) before pricing saves the promotion. Idempotent, so the client retries it when code-inventory is
 * unreachable or answers 503/429; a 409 passes through naming who holds the code; anything else refuses the save
 * (503), since a code saved without the authority's word could shadow another promotion's.
 */
@Injectable()
export class SharedCodeRegistryClient {
  private readonly logger = new Logger('shared-code-registry-client');
  private readonly api: CodeInventoryClient;

  constructor(@Inject(APP_CONFIG) config: PricingConfig) {
    this.api = createCodeInventoryClient({
      baseUrl: config.CODE_INVENTORY_URL,
      apiKey: config.CODE_INVENTORY_API_KEY,
      // The configured timeout is per attempt: the call may take that long for each of its attempts.
      timeoutMs: config.CODE_INVENTORY_REGISTRY_TIMEOUT_MS * (config.CODE_INVENTORY_RETRIES + 1),
      retries: config.CODE_INVENTORY_RETRIES,
    });
  }

  /** `version` is the promotion version being saved; `codes` as the merchant typed them. */
  async register(promotionId: string, version: number, codes: readonly string[]): Promise<void> {
    try {
      await this.api.put('/v1/promotions/{promotionId}/shared-codes', { path: { promotionId }, body: { codes: [...codes], version }, headers: { ...activeTraceHeaders() } });
      return;
    } catch (error) {
      if (error instanceof ApiProblemError && error.status === 409) throw new ConflictError(error.detail ?? 'a shared code is already used elsewhere in the store', 'duplicate_code');
      if (error instanceof ApiProblemError && error.status === 400) {
        throw new ValidationFailedError([{ field: 'codes', reason: 'invalid_code', detail: error.detail ?? 'code-inventory refused a code' }]);
      }
      if (error instanceof ApiProblemError && error.status < 500 && error.status !== 429) {
        // 401/403/404: retrying will not help; an operator must fix the key or the address.
        this.logger.error({ status: error.status, promotionId }, 'code-inventory refused the shared-code registration');
      } else {
        this.logger.warn({ err: error, promotionId }, 'shared-code registration failed');
      }
    }
    throw new CodeRegistryUnavailableError('code-inventory could not register the shared codes just now; the promotion was not saved, please retry');
  }
}
