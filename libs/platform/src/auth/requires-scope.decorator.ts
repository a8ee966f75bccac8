import { SetMetadata } from '@nestjs/common';
import type { ApiKeyScope } from './api-key-scope';

export const REQUIRED_SCOPE = 'promo:required-scope';
export const PUBLIC_ROUTE = 'promo:public-route';

/** Every route declares the scope it needs (X3); the guard refuses a route that declares none. */
export const RequiresScope = (scope: ApiKeyScope) => SetMetadata(REQUIRED_SCOPE, scope);

/** Health, readiness and metrics: reachable without a key. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
