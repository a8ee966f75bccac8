import type { SchemaObject } from '@nestjs/swagger';
import { contractOpenApiSchema } from '@promo/contracts';

// The answers and bodies of redemption-ledger's routes in its OpenAPI document (#24), from the
// contracts' schema files (libs/contracts/src/http/schemas); test/ledger-api-schema.int-spec.ts validates real
// answers against them.

/** GET /v1/statistics/promotions/{promotionId} and /v1/statistics/codes/{code}. */
export const USAGE_STATISTICS_SCHEMA = contractOpenApiSchema('usage-statistics') as SchemaObject;

/** GET /v1/ledger. */
export const LEDGER_PAGE_SCHEMA = contractOpenApiSchema('ledger-page') as SchemaObject;

/** POST /v1/promotion-changes's body: pricing.promotion-changed's data, the event it stands in for (L1). */
export const PROMOTION_CHANGE_SCHEMA = contractOpenApiSchema('pricing.promotion-changed') as SchemaObject;

/** POST /v1/promotion-changes's answer. */
export const PROMOTION_CHANGE_RESULT_SCHEMA = contractOpenApiSchema('promotion-change-result') as SchemaObject;

/** POST /v1/reservations's answer. */
export const RESERVATION_ANSWER_SCHEMA = contractOpenApiSchema('reservation-answer') as SchemaObject;

/** POST /v1/reservations/{reservationId}/release's answer. */
export const RESERVATION_RELEASE_SCHEMA = contractOpenApiSchema('reservation-release') as SchemaObject;

/** GET /v1/statistics/orders. */
export const ORDER_STATISTICS_SCHEMA = contractOpenApiSchema('order-statistics') as SchemaObject;
