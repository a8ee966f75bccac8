/** A JSON value, as the schema files hold them. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
type JsonObject = { readonly [key: string]: JsonValue };

/** An OpenAPI 3.0 Schema Object, as plain JSON. */
export type OpenApiSchema = { [key: string]: JsonValue };

/** Components of an OpenAPI document by name, each the `$ref` (`<$id>#<pointer>`) of the schema it stands for. */
export type OpenApiComponentRefs = Readonly<Record<string, string>>;

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
function withNullable(schema: OpenApiSchema, typeOfRef: (ref: JsonValue | undefined) => string | undefined = () => undefined): OpenApiSchema {
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
    // A reference takes no sibling: a nullable one is a typed allOf of it.
    const refType = isObject(only) ? typeOfRef(only['$ref']) : undefined;
    if (isObject(only) && refType !== undefined) return { ...rest, type: refType, nullable: true, allOf: [only] };
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
 * `nullable`. `schemasById` holds every schema a `$ref` may name. A `$ref` named in `components` is kept as a
 * reference to `#/components/schemas/<name>` instead (a shape used in several places, or a recursive one).
 */
export function toOpenApiSchema(schema: JsonValue, schemasById: ReadonlyMap<string, JsonValue>, baseId = '', components: OpenApiComponentRefs = {}): OpenApiSchema {
  const componentOf = new Map(Object.entries(components).map(([name, ref]) => [ref, name]));
  // The JSON type of each component a reference names, so that a nullable reference can say it (OpenAPI 3.0).
  const componentTypes = new Map<JsonValue, string>();
  const typeOfRef = (ref: JsonValue | undefined): string | undefined => (ref === undefined ? undefined : componentTypes.get(ref));
  // The references being inlined: a recursive shape (a filter of filters) is inlined once, then left open.
  const expanding: string[] = [];
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
      const key = `${targetId}#${pointer}`;
      const component = node === schema ? undefined : componentOf.get(key);
      if (component !== undefined) {
        converted['$ref'] = `#/components/schemas/${component}`;
        const target = resolvePointer(document, pointer, ref);
        const targetType = isObject(target) ? target['type'] : undefined;
        const singleType = Array.isArray(targetType) ? targetType.filter((t) => t !== 'null') : [targetType];
        if (singleType.length === 1 && typeof singleType[0] === 'string') componentTypes.set(converted['$ref'], singleType[0]);
      } else if (expanding.includes(key)) {
        converted['description'] = `The shape of ${key} again (recursive; the schema file states it in full)`;
      } else {
        expanding.push(key);
        const target = convert(resolvePointer(document, pointer, ref), targetId);
        expanding.pop();
        if (isObject(target)) Object.assign(converted, target);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED.has(key) || key === '$ref') continue;
      if (key === 'const') converted['enum'] = [value];
      else if (key === 'properties' && isObject(value)) converted[key] = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, convert(property, ownBase)]));
      else converted[key] = convert(value, ownBase);
    }
    return withNullable(converted, typeOfRef);
  };
  const result = convert(schema, baseId);
  if (!isObject(result)) throw new Error('a schema must be an object');
  return { ...result };
}
