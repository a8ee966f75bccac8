import { applyDecorators, HttpStatus, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ApiResponse, DECORATORS } from '@nestjs/swagger';

import type { ResponseObject } from '@nestjs/swagger';

/** The statuses a route may answer with problem+json besides 401 and 403, which every scoped route gets (api-docs.ts). */
export type ProblemStatus = 400 | 404 | 409 | 412 | 413 | 429 | 503;

const DESCRIPTIONS: Readonly<Record<ProblemStatus | 401 | 403, string>> = {
  400: 'the request is invalid: every invalid field in errors[] with its reason',
  401: 'no API key, or an unknown or revoked one',
  403: 'the key does not hold the scope the route requires',
  404: 'no such resource',
  409: 'a conflict with the current state (a duplicate, a stale version)',
  412: 'the If-Match version is not the current one',
  413: 'the request body is over the limit',
  429: 'too many requests from this key; retry later',
  503: 'a dependency is unavailable; retry later',
};

const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** A problem+json response object (RFC 9457); a 400's carries errors[]. */
export function problemResponse(status: ProblemStatus | 401 | 403, description = DESCRIPTIONS[status]): ResponseObject {
  const schema = { $ref: `#/components/schemas/${status === 400 ? 'ValidationProblem' : 'ProblemDetails'}` };
  return { description, content: { [PROBLEM_MEDIA_TYPE]: { schema } } };
}

/** The status Nest answers a route with: @HttpCode's, else 201 for POST and 200 for the rest. */
function successStatusOf(handler: object): number {
  const declared: unknown = Reflect.getMetadata(HTTP_CODE_METADATA, handler);
  if (typeof declared === 'number') return declared;
  return Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK;
}

function hasSuccessResponse(handler: object): boolean {
  const responses: unknown = Reflect.getMetadata(DECORATORS.API_RESPONSE, handler);
  return typeof responses === 'object' && responses !== null && Object.keys(responses).some((status) => status.startsWith('2') || status.startsWith('3'));
}

/**
 * Documents the problem+json answers a route can give besides 401 and 403 (#24): name each status the route's
 * validation, services and guards can answer, read from what they throw (DomainError subclasses).
 * Put it above the route's other decorators: a route that documents any response loses @nestjs/swagger's default
 * success response, so where no 2xx (or redirect) is documented below, this one documents the status Nest answers with.
 */
export const ApiProblemResponses =
  (...statuses: readonly ProblemStatus[]): MethodDecorator =>
  (target, key, descriptor) => {
    const handler: unknown = descriptor.value;
    if (typeof handler !== 'function') throw new Error(`ApiProblemResponses decorates a route method, not ${String(key)}`);
    const success = hasSuccessResponse(handler) ? [] : [ApiResponse({ status: successStatusOf(handler), description: 'success' })];
    applyDecorators(...success, ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })))(target, key, descriptor);
  };
