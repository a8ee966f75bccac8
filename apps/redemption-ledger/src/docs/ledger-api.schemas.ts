import type { SchemaObject } from '@nestjs/swagger';
import { contractOpenApiSchema } from '@promo/contracts';

// The statistics' and the ledger listing's answers in redemption-ledger's OpenAPI document (#24), from the
// contracts' schema files (libs/contracts/src/http/schemas); test/ledger-api-schema.int-spec.ts validates real
// answers against them.

/** GET /v1/statistics/promotions/{promotionId} and /v1/statistics/codes/{code}. */
export const USAGE_STATISTICS_SCHEMA = contractOpenApiSchema('usage-statistics') as SchemaObject;

/** GET /v1/ledger. */
export const LEDGER_PAGE_SCHEMA = contractOpenApiSchema('ledger-page') as SchemaObject;
