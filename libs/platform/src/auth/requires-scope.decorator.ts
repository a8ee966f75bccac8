import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { API_KEY_SECURITY } from '../docs/api-docs';
import type { ApiKeyScope } from './api-key-scope';

export const REQUIRED_SCOPE = 'promo:required-scope';
export const PUBLIC_ROUTE = 'promo:public-route';

/**
 * Every route declares the scope it needs (X3); the guard refuses a route that declares none. `alsoAccepted`
 * names the narrow scopes of a service-to-service key that may call it too (`code-lookup`, `code-issue`); an
 * admin key may call any route. The OpenAPI document says so too (`x-required-scope`, `x-also-accepted-scopes`,
 * and the 401 and 403 responses docs/complete-operations.ts adds to every scoped operation).
 */
export const RequiresScope = (scope: ApiKeyScope, ...alsoAccepted: ApiKeyScope[]) => {
  const accepted = [scope, ...alsoAccepted];
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPE, accepted),
    ApiSecurity(API_KEY_SECURITY),
    ApiExtension('x-required-scope', scope),
    ...(alsoAccepted.length > 0 ? [ApiExtension('x-also-accepted-scopes', alsoAccepted)] : []),
  );
};

/** Health, readiness and metrics: reachable without a key. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
