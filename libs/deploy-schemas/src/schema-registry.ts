import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft7MetaSchema from 'ajv/dist/refs/json-schema-draft-07.json';

/** The vendored schemas (deploy/schemas/README.md says where each comes from and which version). */
export const SCHEMA_DIR = path.resolve(__dirname, '../../../deploy/schemas');

type SchemaNode = { [key: string]: unknown };

const isNode = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What the API server does with an unknown field is drop it (or refuse it under `kubectl --validate=strict`);
 * a schema check should refuse it, so every object schema that lists its properties gets
 * `additionalProperties: false` unless it says otherwise or preserves unknown fields (kubeconform's
 * "strict" schemas do the same). Int-or-string fields become what they accept.
 */
function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (!isNode(node)) return node;
  const out: SchemaNode = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'properties' && isNode(value) ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, strict(schema)])) : strict(value)]));
  if (out['x-kubernetes-int-or-string'] === true || out['format'] === 'int-or-string') {
    delete out['type'];
    delete out['format'];
    out['anyOf'] = [{ type: 'integer' }, { type: 'string' }];
  }
  if (isNode(out['properties']) && out['additionalProperties'] === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) out['additionalProperties'] = false;
  return out;
}

function readSchema(file: string): SchemaNode {
  const parsed: unknown = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));
  if (!isNode(parsed)) throw new Error(`${file} is not a JSON Schema object`);
  return parsed;
}

/** `apiVersion` as written in a manifest, from a definition's `x-kubernetes-group-version-kind`. */
function apiVersionOf(gvk: SchemaNode): string {
  return gvk['group'] ? `${String(gvk['group'])}/${String(gvk['version'])}` : String(gvk['version']);
}

export interface SchemaRegistry {
  /** The validator of a Kubernetes kind, or undefined for a kind no vendored schema describes. */
  kubernetes(apiVersion: string, kind: string): ValidateFunction | undefined;
  readonly compose: ValidateFunction;
}

/** Compiles the vendored Kubernetes, KEDA and Compose schemas with ajv, offline. */
export function loadSchemaRegistry(): SchemaRegistry {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // Formats of the Kubernetes OpenAPI document that JSON Schema does not define.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: () => true });

  const kubernetes = strict(readSchema('kubernetes.json')) as SchemaNode & { definitions: Record<string, SchemaNode> };
  // A quantity is written as a string ("500m") or a plain number in YAML.
  kubernetes.definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'] = { type: ['string', 'number'] };
  ajv.addSchema(kubernetes);

  const byKind = new Map<string, string>();
  for (const [name, definition] of Object.entries(kubernetes.definitions)) {
    const kinds = definition['x-kubernetes-group-version-kind'];
    if (Array.isArray(kinds)) for (const gvk of kinds.filter(isNode)) byKind.set(`${apiVersionOf(gvk)} ${String(gvk['kind'])}`, `kubernetes.json#/definitions/${name}`);
  }
  // The CRD's schema leaves metadata open (the API server checks it as ObjectMeta): check it as one too.
  const scaledObject = strict(readSchema('keda-scaledobject.json')) as SchemaNode & { properties: SchemaNode };
  scaledObject.properties['metadata'] = { $ref: 'kubernetes.json#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' };
  ajv.addSchema(scaledObject);
  byKind.set('keda.sh/v1alpha1 ScaledObject', 'keda-scaledobject.json');

  const compiled = new Map<string, ValidateFunction>();
  return {
    kubernetes(apiVersion, kind) {
      const ref = byKind.get(`${apiVersion} ${kind}`);
      if (!ref) return undefined;
      const validate = compiled.get(ref) ?? ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
      return validate;
    },
    compose: compileCompose(ajv),
  };
}

/** The Compose schema names draft-07 by its https URL; ajv knows the meta-schema by the http one. */
function compileCompose(ajv: Ajv): ValidateFunction {
  const schema = readSchema('compose-spec.json');
  const metaSchemaId = String(schema['$schema']);
  if (!ajv.getSchema(metaSchemaId)) ajv.addMetaSchema({ ...draft7MetaSchema, $id: metaSchemaId });
  return ajv.compile(schema);
}

/** One line per error: the path in the document and what is wrong there. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? ` '${String(e.params['additionalProperty'])}'` : ''}`);
}
