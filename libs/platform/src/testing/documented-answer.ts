import { schemaCheck, type ServedApiDocument } from './documented-response-validator';

function at(node: unknown, key: string): unknown {
  return typeof node === 'object' && node !== null ? (node as Readonly<Record<string, unknown>>)[key] : undefined;
}

/**
 * What is wrong with a real answer as the OpenAPI document describes the operation (#24), one sentence per problem;
 * empty when the answer conforms: its status must be documented for `method path`, its media type (the
 * content-type without parameters) among that status's, and its body valid against that media type's schema (JSON
 * for `application/json` and `+json` types, the text otherwise). Reads the body, so pass a response not yet read.
 */
export async function undocumentedInAnswer(document: ServedApiDocument, method: string, path: string, response: Response): Promise<readonly string[]> {
  const operation = `${method.toUpperCase()} ${path}`;
  const documented = at(at(at(document.paths, path), method.toLowerCase()), 'responses');
  const content = at(at(documented, String(response.status)), 'content');
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const text = await response.text();
  if (at(documented, String(response.status)) === undefined) return [`${operation} answered ${response.status}, which its document does not list: ${text.slice(0, 300)}`];
  // A redirect's body, and a body-less answer's, are the adapter's: nothing to check beyond the status.
  if (content === undefined && (text === '' || (response.status >= 300 && response.status < 400))) return [];
  const schema = at(at(content, mediaType), 'schema');
  if (typeof schema !== 'object' || schema === null) return [`${operation} answered ${response.status} as ${mediaType || 'no media type'}, which its document does not describe`];
  const isJson = mediaType === 'application/json' || mediaType.endsWith('+json');
  const errors = schemaCheck(schema, document.components)(isJson ? (JSON.parse(text) as unknown) : text);
  return errors.map((error) => `${operation} ${response.status}: ${error.instancePath || '(body)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`);
}
