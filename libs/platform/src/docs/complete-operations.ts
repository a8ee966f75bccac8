import type { OpenAPIObject, OperationObject, PathItemObject, SchemaObject } from '@nestjs/swagger';
import { problemResponse } from './api-problem-responses.decorator';
import { PROBLEM_COMPONENTS } from './problem-details.schema';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** `PromotionsController_setEnabled` → `Promotions: set enabled`: a summary where the route states none. */
function summaryOf(operationId: string | undefined): string {
  const [controller = '', handler = ''] = (operationId ?? 'operation').split('_');
  const words = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words(controller.replace(/Controller$/, '')).replace(/^./, (c) => c.toUpperCase())}: ${words(handler)}`;
}

function completeOperation(operation: OperationObject): void {
  const extensions = new Map<string, unknown>(Object.entries(operation));
  const scope = extensions.get('x-required-scope');
  if (typeof scope === 'string') {
    const also = extensions.get('x-also-accepted-scopes');
    const scopes = [scope, ...(Array.isArray(also) ? also.map(String) : [])].join(' or ');
    // The guard answers these on every scoped route (X3), whatever the route itself declares.
    operation.responses['401'] ??= problemResponse(401);
    operation.responses['403'] ??= problemResponse(403, `the key does not hold the ${scopes} scope`);
  } else {
    // Health, readiness, metrics, unsubscribe links: reachable without a key, and said so.
    operation.security ??= [];
  }
  operation.summary ??= summaryOf(operation.operationId);
  for (const response of Object.values(operation.responses)) {
    if (response !== undefined && 'description' in response && response.description === '') response.description = 'success';
  }
}

/**
 * What every operation of a service's document gets from the platform rather than from its route (#24): the
 * problem+json 401 and 403 of the API-key guard and the problem schemas, an explicit empty `security` on public
 * routes, a summary; and the service's own named schemas (api-doc-schemas.ts).
 */
export function completeOperations(document: OpenAPIObject, schemas: Readonly<Record<string, SchemaObject>> = {}): OpenAPIObject {
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, ...schemas, ...PROBLEM_COMPONENTS };
  for (const pathItem of Object.values(document.paths) as PathItemObject[]) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation !== undefined) completeOperation(operation);
    }
  }
  return document;
}
