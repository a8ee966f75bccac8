import { ApiResponse } from '@nestjs/swagger';
import { problemResponse } from './api-problem-responses.decorator';

/**
 * Documents a route's 503 problem+json that carries `Retry-After` (a DomainError whose `headers` say when to retry,
 * #24). Use it instead of listing 503 in ApiProblemResponses, and put it above that decorator.
 */
export function ApiRetryAfterResponse(description: string): MethodDecorator {
  return ApiResponse({
    status: 503,
    ...problemResponse(503, description),
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } } },
  });
}
