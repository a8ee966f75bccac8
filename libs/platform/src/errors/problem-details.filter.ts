import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type HttpReply, type HttpRequest, requestUrlOf } from '../http/http-exchange';
import { DomainError, type FieldError, ValidationFailedError } from './domain-error';

/** RFC 9457 problem details: the one error shape of every HTTP API (STYLE.md "Errors"). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly errors?: readonly FieldError[];
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  /**
   * Answers the problem, with a DomainError's own headers and extension members. A 5xx the code chose (a
   * DomainError: a store being rebuilt, a dependency that did not answer, "try later") is logged as a warning; any
   * other 5xx is a failure and logged as an error.
   */
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const problem = this.toProblem(exception, requestUrlOf(http.getRequest<HttpRequest>()));
    const chosen = exception instanceof DomainError ? exception : undefined;
    if (problem.status >= 500 && chosen === undefined) this.logger.error({ err: exception, instance: problem.instance }, 'request failed');
    else if (problem.status >= 500) this.logger.warn({ reason: chosen?.reason, detail: problem.detail, instance: problem.instance }, 'request answered unavailable');
    const reply = http.getResponse<HttpReply>().status(problem.status);
    for (const [name, value] of Object.entries(chosen?.headers ?? {})) reply.header(name, value);
    reply.type('application/problem+json').send(JSON.stringify({ ...problem, ...chosen?.extensions }));
  }

  toProblem(exception: unknown, instance: string): ProblemDetails {
    if (exception instanceof ValidationFailedError) {
      return { ...base(400, 'validation_failed', exception.message, instance), errors: exception.errors };
    }
    if (exception instanceof DomainError) {
      return base(exception.status, exception.reason, exception.message, instance);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Body-parser and routing errors: their message is safe to show, internals are not.
      const detail = status >= 500 ? 'the server could not complete the request' : exception.message;
      // Every 400 names a field and a reason (X3 fuzzing): a pipe's refusal is about the request as a whole.
      return { ...base(status, slugForStatus(status), detail, instance), ...(status === 400 ? { errors: [{ field: '(request)', reason: 'bad_request', detail }] } : {}) };
    }
    if (isBodyParserError(exception)) {
      const slug = exception.status === 413 ? 'payload_too_large' : 'malformed_body';
      return { ...base(exception.status, slug, exception.message, instance), ...(exception.status === 400 ? { errors: [{ field: '(body)', reason: 'malformed_body', detail: exception.message }] } : {}) };
    }
    return base(500, 'internal_error', 'the server could not complete the request', instance);
  }
}

function base(status: number, slug: string, detail: string, instance: string): ProblemDetails {
  return { type: `/problems/${slug.replace(/_/g, '-')}`, title: TITLES[status] ?? 'Error', status, detail, instance };
}

function slugForStatus(status: number): string {
  return (TITLES[status] ?? 'error').toLowerCase().replace(/\s+/g, '_');
}

function isBodyParserError(error: unknown): error is { status: number; message: string } {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { status?: unknown; type?: unknown };
  return typeof candidate.status === 'number' && candidate.status >= 400 && candidate.status < 500 && typeof candidate.type === 'string';
}
