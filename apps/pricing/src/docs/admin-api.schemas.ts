import type { SchemaObject } from '@nestjs/swagger';
import { contractOpenApiComponents, contractOpenApiSchema } from '@promo/contracts';
import { apiDocSchemaRef, type ApiDocSchemas } from '@promo/platform';

// The admin API's shapes in pricing's OpenAPI document (#24), from the contracts' schema files rather than a second
// copy: a promotion (promotion.schema.json, whose agreement with the engine's parser promotion-schema.spec.ts
// checks), the store settings and the impact preview. test/admin-api-schema.int-spec.ts validates real answers
// against them.

const PROMOTION = 'urn:promotions:http:promotion:v1#/$defs';

/**
 * The promotion's shapes as components of the document: each written once though several routes use it, and the
 * recursive ones (a filter of filters, a condition of conditions, a tier's reward) stated in full.
 */
const PROMOTION_COMPONENTS = {
  PromotionBody: `${PROMOTION}/adminBody`,
  PromotionView: 'urn:promotions:http:promotion-view:v1#',
  PromotionDefinition: `${PROMOTION}/definition`,
  PromotionRule: `${PROMOTION}/rule`,
  PromotionCondition: `${PROMOTION}/condition`,
  PromotionReward: `${PROMOTION}/reward`,
  PromotionItems: `${PROMOTION}/items`,
  PromotionFilter: `${PROMOTION}/filter`,
};

/** The components pricing provides under API_DOC_SCHEMAS. */
export const PROMOTION_SCHEMAS: ApiDocSchemas = contractOpenApiComponents(PROMOTION_COMPONENTS) as ApiDocSchemas;

export const PROMOTION_BODY_REF = { $ref: apiDocSchemaRef('PromotionBody') };
export const PROMOTION_VIEW_REF = { $ref: apiDocSchemaRef('PromotionView') };

const withComponents = (name: string): SchemaObject => contractOpenApiSchema(name, PROMOTION_COMPONENTS) as SchemaObject;

/** GET /v1/promotions: one page. */
export const PROMOTION_PAGE_SCHEMA = withComponents('promotion-page');

/** PUT /v1/promotion-priorities: the promotions reordered. */
export const PROMOTION_LIST_SCHEMA = withComponents('promotion-list');

/** PUT /v1/settings's body. */
export const STORE_SETTINGS_SCHEMA = contractOpenApiSchema('store-settings') as SchemaObject;

/** GET and PUT /v1/settings's answer. */
export const STORE_SETTINGS_VIEW_SCHEMA = contractOpenApiSchema('store-settings-view') as SchemaObject;

/** POST /v1/promotions/impact's answer. */
export const IMPACT_REPORT_SCHEMA = contractOpenApiSchema('impact-report') as SchemaObject;

