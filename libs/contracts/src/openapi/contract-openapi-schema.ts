import { DATA_SCHEMAS, HTTP_SCHEMAS, SCHEMAS_BY_ID } from '../schema-files';
import { type JsonValue, type OpenApiSchema, toOpenApiSchema } from './json-schema-to-openapi';

/** The OpenAPI 3.0 schema of an event's data (`cart.updated`) or an HTTP answer (`priced-cart`), from its schema file. */
export function contractOpenApiSchema(name: string): OpenApiSchema {
  const file: { $id?: unknown } | undefined = DATA_SCHEMAS[name] ?? (name in HTTP_SCHEMAS ? HTTP_SCHEMAS[name as keyof typeof HTTP_SCHEMAS] : undefined);
  const schema: JsonValue | undefined = typeof file?.$id === 'string' ? SCHEMAS_BY_ID.get(file.$id) : (file as JsonValue | undefined);
  if (schema === undefined) throw new Error(`no schema file for ${name}`);
  return toOpenApiSchema(schema, SCHEMAS_BY_ID);
}
