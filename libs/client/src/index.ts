export { type AnswerOf, type ApiClient, type ApiClientOptions, type BodyOf, type CallOptions, createApiClient, type QueryOf, type UndocumentedQuery } from './api-client';
export { ApiProblemError, ApiTimeoutError, ApiUnreachableError, type FieldProblem, problemErrorOf } from './api-errors';
export type { components as CampaignsComponents, paths as CampaignsPaths } from './generated/campaigns';
export type { components as CodeInventoryComponents, paths as CodeInventoryPaths } from './generated/code-inventory';
export type { components as PricingComponents, paths as PricingPaths } from './generated/pricing';
export type { components as RedemptionLedgerComponents, paths as RedemptionLedgerPaths } from './generated/redemption-ledger';
export { retryAfterMs } from './retry-after';
export {
  type CampaignsClient,
  type CodeInventoryClient,
  createCampaignsClient,
  createCodeInventoryClient,
  createPricingClient,
  createRedemptionLedgerClient,
  createServiceClients,
  type PricingClient,
  type RedemptionLedgerClient,
  type ServiceClients,
  type ServiceName,
} from './service-clients';
export type { HttpMethod } from './typed-paths';
