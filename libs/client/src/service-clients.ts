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
