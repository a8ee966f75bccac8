import type { SchemaObject } from '@nestjs/swagger';
import { contractOpenApiSchema } from '@promo/contracts';

// The code lookup's and issue's answers in code-inventory's OpenAPI document (#24), from the contracts' schema
// files (libs/contracts/src/http/schemas); test/code-api-schema.int-spec.ts validates real answers against them.

/** GET /v1/codes/{code}'s answer. */
export const CODE_LOOKUP_ANSWER_SCHEMA = contractOpenApiSchema('code-lookup-answer') as SchemaObject;

/** POST /v1/groups/{groupId}/issue's answer. */
export const ISSUE_RESULT_SCHEMA = contractOpenApiSchema('issue-result') as SchemaObject;

/** POST /v1/groups/{groupId}/issue-batch's answer. */
export const ISSUE_BATCH_ANSWER_SCHEMA = contractOpenApiSchema('issue-batch-answer') as SchemaObject;
