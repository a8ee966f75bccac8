import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/** An OpenAPI document as served at /docs-json, read only as far as a response's schema. */
export type ServedApiDocument = { readonly paths: Readonly<Record<string, unknown>>; readonly components?: unknown };

/** The errors of one value against a documented schema; empty when it conforms. */
export type DocumentedSchemaCheck = (value: unknown) => readonly ErrorObject[];

function at(node: unknown, key: string): unknown {
  return typeof node === 'object' && node !== null ? (node as Readonly<Record<string, unknown>>)[key] : undefined;
}

/** The OpenAPI document a running service serves at /docs-json. */
export async function fetchApiDocument(baseUrl: string): Promise<ServedApiDocument> {
  const response = await fetch(`${baseUrl}/docs-json`);
  if (response.status !== 200) throw new Error(`${baseUrl}/docs-json answered ${response.status}`);
  return (await response.json()) as ServedApiDocument;
}

/**
 * A validator of answers against the schema a running service documents for one response (#24): the schema is
 * the document's own, with its `#/components/...` references resolved in the same document, so a test of real
 * answers fails when the code and the document drift apart. OpenAPI 3.0's `nullable` is Ajv's too.
 */
export function documentedSchemaCheck(document: ServedApiDocument, path: string, method: string, status: number, mediaType = 'application/json'): DocumentedSchemaCheck {
  const schema = at(at(at(at(at(at(document.paths, path), method), 'responses'), String(status)), 'content'), mediaType);
  const body = at(schema, 'schema');
  if (typeof body !== 'object' || body === null) throw new Error(`${method.toUpperCase()} ${path} documents no ${mediaType} schema for ${status}`);
  return schemaCheck(body, document.components);
}

/** Checks values against an OpenAPI 3.0 schema object whose references point into `components`. */
export function schemaCheck(schema: object, components: unknown): DocumentedSchemaCheck {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv, { mode: 'full', formats: ['date-time', 'date', 'email', 'uri'] });
  const validate = ajv.compile({ ...schema, components });
  return (value) => (validate(value) ? [] : (validate.errors ?? []));
}
