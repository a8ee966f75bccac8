import { ValidationError } from 'class-validator';
import { validationExceptionFactory } from './validation-exception.factory';

function error(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  const e = new ValidationError();
  e.property = property;
  if (constraints) e.constraints = constraints;
  e.children = children;
  return e;
}

describe('validationExceptionFactory', () => {
  it('gives each failure its field path as sent, a reason and a sentence', () => {
    const result = validationExceptionFactory([
      error('name', { isNotEmpty: 'name should not be empty' }),
      error('rules', undefined, [error('0', undefined, [error('percent', { max: 'percent must not be greater than 100' })])]),
    ]);
    expect(result.errors).toEqual([
      { field: 'name', reason: 'required', detail: 'name should not be empty' },
      { field: 'rules[0].percent', reason: 'out_of_range', detail: 'percent must not be greater than 100' },
    ]);
    expect(result.status).toBe(400);
  });

  it('never gives a blank field: an empty key is written [""]', () => {
    const result = validationExceptionFactory([
      error('', { whitelistValidation: 'property  should not exist' }),
      error('lines', undefined, [error('', { whitelistValidation: 'property  should not exist' })]),
    ]);
    expect(result.errors.map((e) => [e.field, e.reason])).toEqual([
      ['[""]', 'unknown_field'],
      ['lines[""]', 'unknown_field'],
    ]);
  });
});
