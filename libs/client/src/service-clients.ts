import { type ApiClient, type ApiClientOptions, createApiClient } from './api-client';
import type { paths as CampaignsPaths } from './generated/campaigns';
import type { paths as CodeInventoryPaths } from './generated/code-inventory';
import type { paths as PricingPaths } from './generated/pricing';
import type { paths as RedemptionLedgerPaths } from './generated/redemption-ledger';

export type PricingClient = ApiClient<PricingPaths>;
export type CodeInventoryClient = ApiClient<CodeInventoryPaths>;
export type RedemptionLedgerClient = ApiClient<RedemptionLedgerPaths>;
export type CampaignsClient = ApiClient<CampaignsPaths>;

/** A client of pricing (promotions, settings, price a cart), typed by libs/contracts/openapi/pricing.openapi.json. */
export function createPricingClient(options: ApiClientOptions): PricingClient {
  return createApiClient<PricingPaths>(options);
}

/** A client of code-inventory (codes, groups, jobs, issuance), typed by its committed OpenAPI document. */
export function createCodeInventoryClient(options: ApiClientOptions): CodeInventoryClient {
  return createApiClient<CodeInventoryPaths>(options);
}

/** A client of redemption-ledger (reservations, ledger, statistics), typed by its committed OpenAPI document. */
export function createRedemptionLedgerClient(options: ApiClientOptions): RedemptionLedgerClient {
  return createApiClient<RedemptionLedgerPaths>(options);
}

/** A client of campaigns (campaigns, suppressions, email statistics), typed by its committed OpenAPI document. */
export function createCampaignsClient(options: ApiClientOptions): CampaignsClient {
  return createApiClient<CampaignsPaths>(options);
}

/** The four services, as their OpenAPI documents name them. */
export type ServiceName = 'pricing' | 'code-inventory' | 'redemption-ledger' | 'campaigns';

/** A client of each service, all with the same key and call settings. */
export interface ServiceClients {
  readonly pricing: PricingClient;
  readonly codeInventory: CodeInventoryClient;
  readonly redemptionLedger: RedemptionLedgerClient;
  readonly campaigns: CampaignsClient;
}

/** Clients of the four services at `baseUrlOf(service)`, each with `options`. */
export function createServiceClients(baseUrlOf: (service: ServiceName) => string, options: Omit<ApiClientOptions, 'baseUrl'>): ServiceClients {
  const of = (service: ServiceName): ApiClientOptions => ({ ...options, baseUrl: baseUrlOf(service) });
  return {
    pricing: createPricingClient(of('pricing')),
    codeInventory: createCodeInventoryClient(of('code-inventory')),
    redemptionLedger: createRedemptionLedgerClient(of('redemption-ledger')),
    campaigns: createCampaignsClient(of('campaigns')),
  };
}
