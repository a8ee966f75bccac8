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

const answer = (definition: string): SchemaObject => contractOpenApiSchema('code-inventory-answers', definition) as SchemaObject;

/** One group with its balances: POST, GET and PATCH /v1/groups/{groupId}. */
export const CODE_GROUP_SCHEMA = answer('codeGroup');
export const GROUP_LIST_SCHEMA = answer('groupList');
export const DELETED_GROUP_SCHEMA = answer('deletedGroup');
export const SHARED_CODE_SCHEMA = answer('sharedCode');
export const PUBLIC_CODES_SCHEMA = answer('publicCodes');
export const REGISTERED_SHARED_CODES_SCHEMA = answer('registeredSharedCodes');
export const ADDED_CODES_PAGE_SCHEMA = answer('addedCodesPage');
export const CUSTOMER_ISSUANCE_SCHEMA = answer('customerIssuance');
export const GROUP_CUSTOMERS_PAGE_SCHEMA = answer('groupCustomersPage');
export const UPLOAD_REPORT_SCHEMA = answer('uploadReport');
export const GENERATION_PROGRESS_SCHEMA = answer('generationProgress');
