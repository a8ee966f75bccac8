import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { API_KEY_SECURITY } from '../docs/api-docs';
import type { ApiKeyScope } from './api-key-scope';

export const REQUIRED_SCOPE = 'promo:required-scope';
export const PUBLIC_ROUTE = 'promo:public-route';

/** Every route declares the scope it needs (X3); the guard refuses a route that declares none. The OpenAPI document says so too. */
export const RequiresScope = (scope: ApiKeyScope) =>
  applyDecorators(
    SetMetadata(REQUIRED_SCOPE, scope),
    ApiSecurity(API_KEY_SECURITY),
    ApiExtension('x-required-scope', scope),
    ApiUnauthorizedResponse({ description: 'no API key, or an unknown or revoked one (problem+json)' }),
    ApiForbiddenResponse({ description: `the key does not hold the ${scope} scope (problem+json)` }),
  );

/** Health, readiness and metrics: reachable without a key. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
