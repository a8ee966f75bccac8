import type { SchemaObject } from '@nestjs/swagger';
import { contractOpenApiSchema } from '@promo/contracts';

// The statistics' and the ledger listing's answers, and the promotion change's body, in redemption-ledger's OpenAPI document (#24), from the
// contracts' schema files (libs/contracts/src/http/schemas); test/ledger-api-schema.int-spec.ts validates real
// answers against them.

/** GET /v1/statistics/promotions/{promotionId} and /v1/statistics/codes/{code}. */
export const USAGE_STATISTICS_SCHEMA = contractOpenApiSchema('usage-statistics') as SchemaObject;

/** GET /v1/ledger. */
export const LEDGER_PAGE_SCHEMA = contractOpenApiSchema('ledger-page') as SchemaObject;

/** POST /v1/promotion-changes's body: pricing.promotion-changed's data, the event it stands in for (L1). */
export const PROMOTION_CHANGE_SCHEMA = contractOpenApiSchema('pricing.promotion-changed') as SchemaObject;
