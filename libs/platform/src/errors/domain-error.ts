/** One invalid field: `field` is the path as the client sent it, `reason` a snake_case code. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
  readonly detail: string;
}

/**
 * The base of every error a service throws on purpose (STYLE.md "Errors"): a reason code and the
 * HTTP status it maps to. Services never throw HttpException; the problem-details filter maps these.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly reason: string;

  /** Response headers the answer carries besides the problem (the `Retry-After` of a 503). */
  get headers(): Readonly<Record<string, string>> {
    return {};
  }

  /** RFC 9457 extension members added to the problem body (an upload's report). */
  get extensions(): Readonly<Record<string, unknown>> {
    return {};
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  readonly status = 400;
  readonly reason = 'validation_failed';

  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.detail}`).join('; ') || 'the request is invalid');
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly reason = 'not_found';
}

export class ConflictError extends DomainError {
  readonly status = 409;

  constructor(
    message: string,
    readonly reason = 'conflict',
  ) {
    super(message);
  }
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly reason = 'unauthorized';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly reason = 'forbidden';
}
