import type { ValidationError } from 'class-validator';
import { type FieldError, ValidationFailedError } from './domain-error';

/** ValidationPipe's exceptionFactory: every class-validator failure as `{field, reason, detail}`. */
export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedError {
  return new ValidationFailedError(flatten(errors, ''));
}

function flatten(errors: readonly ValidationError[], parent: string): FieldError[] {
  return errors.flatMap((error) => {
    // An index as [i]; a key that is empty (or not a plain name) quoted as ["..."], so the field is never blank.
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : error.property === ''
        ? `${parent}[""]`
        : parent === ''
          ? error.property
          : `${parent}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, detail]) => ({ field, reason: toReason(constraint), detail }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function toReason(constraint: string): string {
  switch (constraint) {
    case 'isDefined':
    case 'isNotEmpty':
      return 'required';
    case 'whitelistValidation':
      return 'unknown_field';
    case 'min':
    case 'max':
    case 'isPositive':
    case 'minLength':
    case 'maxLength':
    case 'arrayMinSize':
    case 'arrayMaxSize':
      return 'out_of_range';
    default:
      return constraint.startsWith('is') ? 'wrong_type' : constraint.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  }
}
