import { type ServedApiDocument, schemaCheck } from './documented-response-validator';

/** A real answer read against its OpenAPI document: its body, and what in it the document does not say (none when it conforms). */
export interface DocumentedAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly problems: readonly string[];
}

function at(node: unknown, key: string): unknown {
  return typeof node === 'object' && node !== null ? (node as Readonly<Record<string, unknown>>)[key] : undefined;
}

/**
 * Reads answers of a running service against its document (#24), one line per route in a test:
 * `const { body, problems } = await documented('get', '/v1/promotions/{id}', response)`. A problem is a status
 * the operation does not document, a media type it does not list for that status, a documented header missing,
 * or a schema error (with its path in the body).
 */
export function documentedAnswers(document: ServedApiDocument): (method: string, path: string, response: Response) => Promise<DocumentedAnswer> {
  return async (method, path, response) => {
    const text = await response.text();
    const operation = `${method.toUpperCase()} ${path}`;
    const documented = at(at(at(document.paths, path), method.toLowerCase()), 'responses');
    const entry = at(documented, String(response.status));
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const isJson = mediaType === 'application/json' || mediaType.endsWith('+json');
    const body: unknown = isJson && text !== '' ? JSON.parse(text) : text;
    if (entry === undefined) return { status: response.status, body, problems: [`${operation} documents no ${response.status}`] };
    const problems: string[] = [];
    for (const header of Object.keys((at(entry, 'headers') as object | undefined) ?? {})) {
      if (!response.headers.has(header)) problems.push(`${operation} ${response.status} documents the ${header} header, not sent`);
    }
    const content = at(entry, 'content');
    if (content === undefined) {
      if (text !== '') problems.push(`${operation} ${response.status} documents no body, answered ${mediaType}`);
      return { status: response.status, body, problems };
    }
    const schema = at(at(content, mediaType), 'schema');
    if (typeof schema !== 'object' || schema === null) {
      problems.push(`${operation} ${response.status} documents ${Object.keys(content as object).join(', ')}, answered ${mediaType || 'no content type'}`);
      return { status: response.status, body, problems };
    }
    const errors = schemaCheck(schema, document.components)(body);
    problems.push(...errors.map((error) => `${operation} ${response.status} body${error.instancePath} ${error.message ?? error.keyword}`));
    return { status: response.status, body, problems };
  };
}
