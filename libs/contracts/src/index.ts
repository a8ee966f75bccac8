export * from './cloud-event';
export * from './decode-cloud-event';
export { knownEventTypes, validateData } from './schema-registry';
export * from './upstream/upstream-event.types';
export * from './outbound/outbound-event';
export * from './outbound/outbound-event.types';
export { contractOpenApiComponents, contractOpenApiSchema } from './openapi/contract-openapi-schema';
export type { JsonValue, OpenApiComponentRefs, OpenApiSchema } from './openapi/json-schema-to-openapi';
export { type HttpSchemaName, validateHttpSchema } from './http-schema-validator';
