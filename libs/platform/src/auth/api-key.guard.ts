import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthorizedError } from '../errors/domain-error';
import type { HttpRequest } from '../http/http-exchange';
import { scopeAllows, type ApiKeyScope } from './api-key-scope';
import { API_KEY_STORE, type ApiKeyStore } from './api-key.store';
import { PUBLIC_ROUTE, REQUIRED_SCOPE } from './requires-scope.decorator';

/** No key → 401, a key without the route's scope → 403, a route without a declared scope → 403 (fail closed). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_STORE) private readonly keys: ApiKeyStore,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const accepted = this.reflector.getAllAndOverride<readonly ApiKeyScope[] | undefined>(REQUIRED_SCOPE, targets);
    const presented = presentedKey(context.switchToHttp().getRequest<HttpRequest>());
    if (presented === undefined) throw new UnauthorizedError('an API key is required (header x-api-key or Authorization: Bearer)');
    const held = this.keys.scopeOf(presented);
    if (held === undefined) throw new UnauthorizedError('the API key is not valid');
    if (accepted === undefined) throw new ForbiddenError('this route declares no scope and is closed');
    if (!scopeAllows(held, accepted)) throw new ForbiddenError(`this route needs the ${accepted.join(' or ')} scope`);
    return true;
  }
}

function presentedKey(request: HttpRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  const authorization = request.headers.authorization;
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  return match?.[1];
}
