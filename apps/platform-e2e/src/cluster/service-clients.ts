import {
  type CampaignsClient,
  type CodeInventoryClient,
  createCampaignsClient,
  createCodeInventoryClient,
  createPricingClient,
  createRedemptionLedgerClient,
  type PricingClient,
  type RedemptionLedgerClient,
} from '@promo/client';
import type { ServiceName } from './service-cluster';

/** The four services' typed clients (libs/client, generated from their OpenAPI documents), with one admin key. */
export interface ServiceClients {
  readonly pricing: PricingClient;
  readonly codeInventory: CodeInventoryClient;
  readonly redemptionLedger: RedemptionLedgerClient;
  readonly campaigns: CampaignsClient;
}

/**
 * A 503 is the services' "not done, try later" (problem+json, often with Retry-After): a dependency such as
 * code-inventory did not answer in time, and nothing was saved. A call is sent again, as a real client would,
 * for about a minute (retries at most 5 s apart); any other non-2xx answer throws at once.
 */
const HARNESS_CALLS = { timeoutMs: 90_000, retries: 60, maxRetryWaitMs: 5_000 } as const;

/** Clients of the services at `urlOf(service)`, each call retried while the service says "later". */
export function serviceClients(urlOf: (service: ServiceName) => string, apiKey: string): ServiceClients {
  const options = (service: ServiceName) => ({ baseUrl: urlOf(service), apiKey, ...HARNESS_CALLS });
  return {
    pricing: createPricingClient(options('pricing')),
    codeInventory: createCodeInventoryClient(options('code-inventory')),
    redemptionLedger: createRedemptionLedgerClient(options('redemption-ledger')),
    campaigns: createCampaignsClient(options('campaigns')),
  };
}

/** What every service's `GET /v1/ops/ingestion` answers (not described in the OpenAPI documents yet). */
export interface IngestionStats {
  readonly group: string;
  readonly topics: readonly { readonly topic: string; readonly processed: number }[];
  readonly lost?: readonly { readonly topic: string; readonly partition: number; readonly records: number }[];
}

/** A service's `GET /v1/ops/ingestion`: each service serves it, through its own client. */
export async function ingestionStats(clients: ServiceClients, service: ServiceName): Promise<IngestionStats> {
  switch (service) {
    case 'pricing':
      return (await clients.pricing.get('/v1/ops/ingestion')) as IngestionStats;
    case 'code-inventory':
      return (await clients.codeInventory.get('/v1/ops/ingestion')) as IngestionStats;
    case 'redemption-ledger':
      return (await clients.redemptionLedger.get('/v1/ops/ingestion')) as IngestionStats;
    case 'campaigns':
      return (await clients.campaigns.get('/v1/ops/ingestion')) as IngestionStats;
  }
}
