import type { SchemaObject } from '@nestjs/swagger';
import { contractOpenApiSchema } from '@promo/contracts';

// code-inventory's answers in its OpenAPI document (#24), from the contracts' schema files
// (libs/contracts/src/http/schemas); test/code-api-schema.int-spec.ts validates real answers against them.

/** GET /v1/codes/{code}'s answer. */
export const CODE_LOOKUP_ANSWER_SCHEMA = contractOpenApiSchema('code-lookup-answer') as SchemaObject;

/** POST /v1/groups/{groupId}/issue's answer. */
export const ISSUE_RESULT_SCHEMA = contractOpenApiSchema('issue-result') as SchemaObject;

/** POST /v1/groups/{groupId}/issue-batch's answer. */
export const ISSUE_BATCH_ANSWER_SCHEMA = contractOpenApiSchema('issue-batch-answer') as SchemaObject;

const answer = (name: string): SchemaObject => contractOpenApiSchema(name) as SchemaObject;

/** One group with its balances: POST, GET and PATCH /v1/groups/{groupId}. */
export const CODE_GROUP_SCHEMA = answer('code-group');
export const GROUP_LIST_SCHEMA = answer('code-group-list');
export const DELETED_GROUP_SCHEMA = answer('deleted-group');
export const SHARED_CODE_SCHEMA = answer('shared-code');
export const PUBLIC_CODES_SCHEMA = answer('public-codes');
export const REGISTERED_SHARED_CODES_SCHEMA = answer('registered-shared-codes');
export const ADDED_CODES_PAGE_SCHEMA = answer('added-codes-page');
export const CUSTOMER_ISSUANCE_SCHEMA = answer('customer-issuance');
export const GROUP_CUSTOMERS_PAGE_SCHEMA = answer('group-customers-page');
export const UPLOAD_REPORT_SCHEMA = answer('upload-report');
export const GENERATION_PROGRESS_SCHEMA = answer('generation-progress');
