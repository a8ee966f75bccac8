import type { INestApplication } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';

/**
 * A service's named schemas for its OpenAPI document's `components.schemas` (#24), given to PlatformModule.forRoot
 * (`apiDocSchemas`), which provides them under this token; a route references one as
 * `{ $ref: apiDocSchemaRef('Promotion') }`, so a large shape used by several routes is written out once.
 */
export const API_DOC_SCHEMAS = Symbol('API_DOC_SCHEMAS');

export type ApiDocSchemas = Readonly<Record<string, SchemaObject>>;

/** The reference to a schema provided under API_DOC_SCHEMAS. */
export function apiDocSchemaRef(name: string): string {
  return `#/components/schemas/${name}`;
}

/** The schemas the application provides under API_DOC_SCHEMAS (PlatformModule always does). */
export function providedApiDocSchemas(app: INestApplication): ApiDocSchemas {
  return app.get<ApiDocSchemas>(API_DOC_SCHEMAS);
}
