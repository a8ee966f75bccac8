import {
  type AnswerOf,
  type BodyOf,
  type CampaignsClient,
  type CodeInventoryClient,
  createCampaignsClient,
  createCodeInventoryClient,
  createPricingClient,
  createRedemptionLedgerClient,
  type PricingClient,
  type PricingPaths,
  type RedemptionLedgerClient,
} from '@promo/client';
import { type ServiceName, serviceUrl } from './service-name';

/** The four services' typed clients (libs/client, generated from their OpenAPI documents), with the merchant's key. */
export interface ConsoleApi {
  readonly pricing: PricingClient;
  readonly codeInventory: CodeInventoryClient;
  readonly redemptionLedger: RedemptionLedgerClient;
  readonly campaigns: CampaignsClient;
}

/**
 * A promotion as pricing takes it. The console builds it field by field from the draft, with JSON editors for
 * conditions, so it holds a record until pricing checks it (a 400 names each wrong field).
 */
export type PromotionBody = BodyOf<PricingPaths, 'post', '/v1/promotions'>;

/** The dry-run's answer (the engine's PricingResult); amounts in minor units. */
export type PricedCart = AnswerOf<PricingPaths, 'post', '/v1/carts/price/dry-run'>;

/** A page waits at most this long for an answer, retries included (an impact preview prices 100 carts). */
const TIMEOUT_MS = 30_000;

/** Every service through the console's own origin (`/api/<service>`, proxied by apps/console/server). */
export function consoleApi(apiKey: string): ConsoleApi {
  const options = (service: ServiceName) => ({ baseUrl: serviceUrl(service, ''), apiKey, timeoutMs: TIMEOUT_MS });
  return {
    pricing: createPricingClient(options('pricing')),
    codeInventory: createCodeInventoryClient(options('code-inventory')),
    redemptionLedger: createRedemptionLedgerClient(options('redemption-ledger')),
    campaigns: createCampaignsClient(options('campaigns')),
  };
}
