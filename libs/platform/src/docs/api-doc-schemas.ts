import type { INestApplication } from '@nestjs/common';
import { UnknownElementException } from '@nestjs/core/errors/exceptions/unknown-element.exception';
import type { SchemaObject } from '@nestjs/swagger';

/**
 * A service's named schemas for its OpenAPI document's `components.schemas` (#24): provide them under this token
 * and reference one as `{ $ref: apiDocSchemaRef('Promotion') }`, so a large shape used by several routes is
 * written out once in the document.
 */
export const API_DOC_SCHEMAS = Symbol('API_DOC_SCHEMAS');

export type ApiDocSchemas = Readonly<Record<string, SchemaObject>>;

/** The reference to a schema provided under API_DOC_SCHEMAS. */
export function apiDocSchemaRef(name: string): string {
  return `#/components/schemas/${name}`;
}

/** The schemas the application provides under API_DOC_SCHEMAS; none when it provides none. */
export function providedApiDocSchemas(app: INestApplication): ApiDocSchemas {
  try {
    return app.get<ApiDocSchemas>(API_DOC_SCHEMAS, { strict: false });
  } catch (error) {
    // Nest throws UnknownElementException for a token no module provides: that service names no schemas.
    if (error instanceof UnknownElementException) return {};
    throw error;
  }
}
