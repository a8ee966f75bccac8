import type { Provider } from '@nestjs/common';
import { CodeInventoryClient } from '@promo/code-inventory-client';
import { APP_CONFIG, CLOCK, type Clock } from '@promo/platform';
import type { PricingConfig } from '../config/env.schema';

/** Pricing's client of code-inventory's lookups (docs/internal-apis.md), its breaker on the injected clock. */
export const codeInventoryClientProvider: Provider = {
  provide: CodeInventoryClient,
  inject: [APP_CONFIG, CLOCK],
  useFactory: (config: PricingConfig, clock: Clock): CodeInventoryClient =>
    new CodeInventoryClient({
      baseUrl: config.CODE_INVENTORY_URL,
      apiKey: config.CODE_INVENTORY_API_KEY,
      timeoutMs: config.CODE_INVENTORY_TIMEOUT_MS,
      lookupRetries: config.CODE_INVENTORY_RETRIES,
      breakerThreshold: config.CODE_INVENTORY_BREAKER_THRESHOLD,
      breakerOpenMs: config.CODE_INVENTORY_BREAKER_OPEN_MS,
      nowMs: () => clock.now().getTime(),
    }),
};
