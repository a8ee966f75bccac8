import { HTTP_SCHEMAS, SCHEMAS_BY_ID } from '../schema-files';
import { type JsonValue, type OpenApiSchema, toOpenApiSchema } from './json-schema-to-openapi';

/** The OpenAPI 3.0 schema of an event's data (`cart.updated`) or an HTTP answer (`priced-cart`), from its schema file. */
export function contractOpenApiSchema(name: 'cart.updated' | keyof typeof HTTP_SCHEMAS): OpenApiSchema {
  const schema: JsonValue | undefined = name === 'cart.updated' ? SCHEMAS_BY_ID.get('urn:commerce:cart.updated:v1') : HTTP_SCHEMAS[name];
  if (schema === undefined) throw new Error(`no schema file for ${name}`);
  return toOpenApiSchema(schema, SCHEMAS_BY_ID);
}
