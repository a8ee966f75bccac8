import { type AnswerOf, createServiceClients, type PricingPaths, type ServiceClients } from '@promo/client';
import type { ServiceName } from './service-cluster';

export type { ServiceClients };

/**
 * A 503 is the services' "not done, try later" (problem+json, often with Retry-After): a dependency such as
 * code-inventory did not answer in time, and nothing was saved. A call is sent again, as a real client would,
 * for about a minute (retries at most 5 s apart); any other non-2xx answer throws at once.
 */
const HARNESS_CALLS = { timeoutMs: 90_000, retries: 60, maxRetryWaitMs: 5_000 } as const;

/** Clients of the services at `urlOf(service)` with the admin key, each call retried while the service says "later". */
export function serviceClients(urlOf: (service: ServiceName) => string, apiKey: string): ServiceClients {
  return createServiceClients(urlOf, { apiKey, ...HARNESS_CALLS });
}

/** What every service's `GET /v1/ops/ingestion` answers (one shared schema in the four OpenAPI documents). */
export type IngestionStats = AnswerOf<PricingPaths, 'get', '/v1/ops/ingestion'>;

/** A service's `GET /v1/ops/ingestion`: each service serves it, through its own client. */
export async function ingestionStats(clients: ServiceClients, service: ServiceName): Promise<IngestionStats> {
  switch (service) {
    case 'pricing':
      return clients.pricing.get('/v1/ops/ingestion');
    case 'code-inventory':
      return clients.codeInventory.get('/v1/ops/ingestion');
    case 'redemption-ledger':
      return clients.redemptionLedger.get('/v1/ops/ingestion');
    case 'campaigns':
      return clients.campaigns.get('/v1/ops/ingestion');
  }
}
