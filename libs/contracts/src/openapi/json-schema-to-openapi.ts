/** A JSON value, as the schema files hold them. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
type JsonObject = { readonly [key: string]: JsonValue };

/** An OpenAPI 3.0 Schema Object, as plain JSON. */
export type OpenApiSchema = { [key: string]: JsonValue };

/** Keywords of JSON Schema 2020-12 that OpenAPI 3.0 has no place for; $defs are inlined where referenced. */
const DROPPED = new Set(['$schema', '$id', '$defs', '$comment']);

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolvePointer(document: JsonValue, pointer: string, ref: string): JsonValue {
  let node: JsonValue | undefined = document;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
    if (node === undefined) throw new Error(`$ref ${ref} points at nothing`);
  }
  return node;
}

/** `type: [x, "null"]` and `anyOf: [X, {type: null}]` of 2020-12 become OpenAPI 3.0's `nullable: true`. */
function withNullable(schema: OpenApiSchema): OpenApiSchema {
  const { type, anyOf } = schema;
  if (Array.isArray(type)) {
    const types = type.filter((t) => t !== 'null');
    if (types.length !== 1) throw new Error(`OpenAPI 3.0 has no union type ${JSON.stringify(type)}`);
    return { ...schema, type: types[0] ?? null, ...(types.length < type.length ? { nullable: true } : {}) };
  }
  if (Array.isArray(anyOf)) {
    const branches = anyOf.filter((branch) => !(isObject(branch) && branch['type'] === 'null'));
    if (branches.length === anyOf.length) return schema;
    const { anyOf: _anyOf, ...rest } = schema;
    const only = branches.length === 1 ? branches[0] : undefined;
    if (isObject(only)) return { ...only, ...rest, nullable: true };
    // OpenAPI 3.0 takes nullable only beside a type: null goes on the first branch.
    const [first, ...others] = branches;
    return { ...rest, anyOf: [isObject(first) ? { ...first, nullable: true } : null, ...others] };
  }
  return schema;
}

/**
 * Converts one of the contracts' JSON Schemas (2020-12) into an OpenAPI 3.0 Schema Object (#24), so an API
 * document states a shape from the file the services validate with, never a second copy: every `$ref` (into the
 * same file or another by its `$id`) is inlined, `const` becomes a one-value `enum`, nullable types become
 * `nullable`. `schemasById` holds every schema a `$ref` may name.
 */
export function toOpenApiSchema(schema: JsonValue, schemasById: ReadonlyMap<string, JsonValue>, baseId = ''): OpenApiSchema {
  const convert = (node: JsonValue, base: string): JsonValue => {
    if (Array.isArray(node)) return node.map((item: JsonValue) => convert(item, base));
    if (!isObject(node)) return node;
    const ownBase = typeof node['$id'] === 'string' ? node['$id'] : base;
    const ref = node['$ref'];
    const converted: OpenApiSchema = {};
    if (typeof ref === 'string') {
      const [id = '', pointer = ''] = ref.split('#');
      const targetId = id === '' ? ownBase : id;
      const document = schemasById.get(targetId);
      if (document === undefined) throw new Error(`$ref ${ref}: no schema ${targetId}`);
      const target = convert(resolvePointer(document, pointer, ref), targetId);
      if (isObject(target)) Object.assign(converted, target);
    }
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED.has(key) || key === '$ref') continue;
      if (key === 'const') converted['enum'] = [value];
      else if (key === 'properties' && isObject(value)) converted[key] = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, convert(property, ownBase)]));
      else converted[key] = convert(value, ownBase);
    }
    return withNullable(converted);
  };
  const result = convert(schema, baseId);
  if (!isObject(result)) throw new Error('a schema must be an object');
  return { ...result };
}
