import { applyDecorators } from '@nestjs/common';
import { ApiQuery, type SchemaObject } from '@nestjs/swagger';
import { contractOpenApiSchema } from '@promo/contracts';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../paging/list-page';

// campaigns' answers in its OpenAPI document (#24), from the contracts' schema file
// libs/contracts/src/http/schemas/campaigns-answers.schema.json; test/campaigns-api-schema.int-spec.ts validates real
// answers against them.

const answer = (name: string): SchemaObject => contractOpenApiSchema(name) as SchemaObject;

export const RENDERED_EMAIL_SCHEMA = answer('rendered-email');
export const EMAIL_PAGE_SCHEMA = answer('email-page');
export const SUPPRESSION_SCHEMA = answer('suppression');
export const SUPPRESSION_PAGE_SCHEMA = answer('suppression-page');
export const STATISTICS_SCHEMA = answer('campaign-statistics');
export const WATERMARK_SCHEMA = answer('watermark');

/** The preview's body: the cart is checked against cart.updated's data schema (EmailPreviewService), so it is that schema. */
export const EMAIL_PREVIEW_REQUEST_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['cart'],
  properties: { cart: { ...(contractOpenApiSchema('cart.updated') as SchemaObject), description: 'A cart as the cart.updated event carries it' } },
};

/** `limit` and `cursor` as parsePageRequest reads them. */
export const ApiPageQueries = (): MethodDecorator =>
  applyDecorators(
    ApiQuery({ name: 'limit', required: false, description: 'Items per page', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT } }),
    ApiQuery({ name: 'cursor', required: false, description: "The previous page's nextCursor", schema: { type: 'string' } }),
  );
