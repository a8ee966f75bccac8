import type { Provider } from '@nestjs/common';
import { CodeInventoryClient } from '@promo/code-inventory-client';
import { APP_CONFIG } from '@promo/platform';
import type { CampaignsConfig } from '../config/env.schema';

/**
 * Campaigns' client of code-inventory's issues (docs/internal-apis.md). Its breaker runs on monotonic process time,
 * not the Clock: in a replay the Clock follows event time and stops at the last record, and an open breaker must
 * still close. Issues are never retried within a call (CODE_INVENTORY_RETRIES does not apply): the email's next
 * round is the retry.
 */
export const codeInventoryClientProvider: Provider = {
  provide: CodeInventoryClient,
  inject: [APP_CONFIG],
  useFactory: (config: CampaignsConfig): CodeInventoryClient =>
    new CodeInventoryClient({
      baseUrl: config.CODE_INVENTORY_URL,
      apiKey: config.CODE_INVENTORY_API_KEY,
      timeoutMs: config.CODE_INVENTORY_TIMEOUT_MS,
      lookupRetries: 0,
      breakerThreshold: config.CODE_INVENTORY_BREAKER_THRESHOLD,
      breakerOpenMs: config.CODE_INVENTORY_BREAKER_OPEN_MS,
    }),
};
