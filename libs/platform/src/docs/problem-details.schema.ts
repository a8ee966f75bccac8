import type { SchemaObject } from '@nestjs/swagger';

// The OpenAPI shape of ProblemDetails and FieldError (errors/problem-details.filter.ts, errors/domain-error.ts),
// the one error shape of every HTTP API (STYLE.md "Errors"). Kept beside the filter's types by hand: a test
// validates real problem answers against it (apps/pricing/test/price-api-schema.int-spec.ts).

/** One invalid field of a 400: `field` as the client sent it, `reason` a snake_case code, `detail` a sentence. */
export const FIELD_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['field', 'reason', 'detail'],
  additionalProperties: false,
  properties: {
    field: { type: 'string', description: 'The path as the client sent it, e.g. lines[0].quantity; (body) or (request) for the request as a whole', example: 'lines[0].quantity' },
    reason: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', description: 'A snake_case code: required, invalid_type, out_of_range, too_long, ...', example: 'out_of_range' },
    detail: { type: 'string', description: 'A sentence saying what is wrong', example: 'quantity must be at least 1.' },
  },
};

const FIELD_ERROR_REF = { $ref: '#/components/schemas/FieldError' };

/** RFC 9457 problem details; `errors` only on a 400. */
export const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'instance'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', pattern: '^/problems/[a-z0-9-]+$', description: 'A URI reference naming the problem', example: '/problems/not-found' },
    title: { type: 'string', description: 'The status text', example: 'Not Found' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'A sentence for a human; a 5xx never shows internals' },
    instance: { type: 'string', description: 'The request path' },
    errors: { type: 'array', items: FIELD_ERROR_REF },
  },
};

/** A 400: problem details with at least one field error. */
export const VALIDATION_PROBLEM_SCHEMA: SchemaObject = {
  ...PROBLEM_DETAILS_SCHEMA,
  required: ['type', 'title', 'status', 'detail', 'instance', 'errors'],
  properties: { ...PROBLEM_DETAILS_SCHEMA.properties, errors: { type: 'array', minItems: 1, items: FIELD_ERROR_REF } },
};

/** The components every service document carries (docs/complete-operations.ts), referenced by problem responses. */
export const PROBLEM_COMPONENTS: Readonly<Record<string, SchemaObject>> = {
  FieldError: FIELD_ERROR_SCHEMA,
  ProblemDetails: PROBLEM_DETAILS_SCHEMA,
  ValidationProblem: VALIDATION_PROBLEM_SCHEMA,
};
