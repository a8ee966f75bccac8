import { type AnswerOf, type BodyOf, createServiceClients, type PricingPaths, type ServiceClients } from '@promo/client';
import { serviceUrl } from './service-name';

/** The four services' typed clients (libs/client, generated from their OpenAPI documents), with the merchant's key. */
export type ConsoleApi = ServiceClients;

/**
 * A promotion as pricing takes it. The console builds it field by field from the draft, with JSON editors for
 * conditions, so it holds a record until pricing checks it (a 400 names each wrong field).
 */
export type PromotionBody = BodyOf<PricingPaths, 'post', '/v1/promotions'>;

/** A promotion as pricing's GET /v1/promotions[/{id}] answers it: the definition plus status, limits, version and times. */
export type PromotionView = AnswerOf<PricingPaths, 'get', '/v1/promotions/{id}'>;

/** The dry-run's answer (the engine's PricingResult); amounts in minor units. */
export type PricedCart = AnswerOf<PricingPaths, 'post', '/v1/carts/price/dry-run'>;

/** A page waits at most this long for an answer, retries included (an impact preview prices 100 carts). */
const TIMEOUT_MS = 30_000;

/** Every service through the console's own origin (`/api/<service>`, proxied by apps/console/server). */
export function consoleApi(apiKey: string): ConsoleApi {
  return createServiceClients((service) => serviceUrl(service, ''), { apiKey, timeoutMs: TIMEOUT_MS });
}
