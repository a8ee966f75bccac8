import { DATA_SCHEMAS, HTTP_SCHEMAS, SCHEMAS_BY_ID } from '../schema-files';
import { type JsonValue, type OpenApiComponentRefs, type OpenApiSchema, toOpenApiSchema } from './json-schema-to-openapi';

/**
 * The OpenAPI 3.0 schema of an event's data (`cart.updated`) or an HTTP answer (`priced-cart`), from its schema file;
 * the references named in `components` stay references to the document's components (contractOpenApiComponents).
 */
export function contractOpenApiSchema(name: string, components: OpenApiComponentRefs = {}): OpenApiSchema {
  const file: { $id?: unknown } | undefined = DATA_SCHEMAS[name] ?? (name in HTTP_SCHEMAS ? HTTP_SCHEMAS[name as keyof typeof HTTP_SCHEMAS] : undefined);
  const schema: JsonValue | undefined = typeof file?.$id === 'string' ? SCHEMAS_BY_ID.get(file.$id) : (file as JsonValue | undefined);
  if (schema === undefined) throw new Error(`no schema file for ${name}`);
  return toOpenApiSchema(schema, SCHEMAS_BY_ID, '', components);
}

/** The `components.schemas` of a document for shapes of the schema files (`{ Filter: 'urn:…#/$defs/filter' }`), each referring to the others. */
export function contractOpenApiComponents(components: OpenApiComponentRefs): Record<string, OpenApiSchema> {
  return Object.fromEntries(Object.entries(components).map(([name, ref]) => [name, toOpenApiSchema({ $ref: ref }, SCHEMAS_BY_ID, '', components)]));
}
