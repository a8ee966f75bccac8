import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../docs/canonical-json';

/** The services whose OpenAPI documents are committed (issue #24). */
export const DOCUMENTED_SERVICES = ['pricing', 'code-inventory', 'redemption-ledger', 'campaigns'] as const;
export type DocumentedService = (typeof DOCUMENTED_SERVICES)[number];

/** The command that rewrites the committed documents from the running services. */
export const REGENERATE_API_DOCUMENTS = 'npm run contracts:openapi';

const OPENAPI_DIR = path.resolve(__dirname, '../../../contracts/openapi');

/** Where a service's OpenAPI document is committed: libs/contracts/openapi/<service>.openapi.json. */
export function committedApiDocumentPath(service: DocumentedService): string {
  return path.join(OPENAPI_DIR, `${service}.openapi.json`);
}

/** The document a running service serves at /docs-json, as it would be committed (canonicalJson). */
export async function servedApiDocument(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/docs-json`);
  if (response.status !== 200) throw new Error(`${baseUrl}/docs-json answered ${response.status}`);
  return canonicalJson(await response.json());
}

/** The committed text of a service's document, or null when none is committed yet. */
export function committedApiDocument(service: DocumentedService): string | null {
  try {
    return readFileSync(committedApiDocumentPath(service), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read the committed OpenAPI document of ${service}`, { cause: error });
  }
}

/**
 * Null when the served document equals the committed one; otherwise what differs first and the command that
 * rewrites the committed file, so a failing test says how to fix it.
 */
export function apiDocumentDrift(service: DocumentedService, served: string): string | null {
  const committed = committedApiDocument(service);
  if (committed === served) return null;
  if (committed === null) return `${committedApiDocumentPath(service)} is not committed: run ${REGENERATE_API_DOCUMENTS}`;
  const servedLines = served.split('\n');
  const committedLines = committed.split('\n');
  const line = servedLines.findIndex((text, i) => text !== committedLines[i]);
  const at = line === -1 ? committedLines.length : line;
  return (
    `${service}'s /docs-json differs from ${committedApiDocumentPath(service)} at line ${at + 1}: ` +
    `served ${JSON.stringify(servedLines[at] ?? '(end)')}, committed ${JSON.stringify(committedLines[at] ?? '(end)')}. ` +
    `Run ${REGENERATE_API_DOCUMENTS} and commit the result.`
  );
}
