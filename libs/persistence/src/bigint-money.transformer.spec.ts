import { bigintMoneyTransformer } from './bigint-money.transformer';
import { toSnakeCase } from './snake-naming.strategy';

describe('bigintMoneyTransformer', () => {
  it('reads the driver string as minor units and writes them back as a string', () => {
    expect(bigintMoneyTransformer.from('123456789012')).toBe(123_456_789_012);
    expect(bigintMoneyTransformer.to(1999)).toBe('1999');
    expect(bigintMoneyTransformer.from(null)).toBeNull();
  });

  it('refuses fractions and amounts beyond a safe integer', () => {
    expect(() => bigintMoneyTransformer.to(19.99)).toThrow(RangeError);
    expect(() => bigintMoneyTransformer.from('9007199254740993')).toThrow(RangeError);
  });
});

describe('toSnakeCase', () => {
  it('turns property and class names into snake_case', () => {
    expect(toSnakeCase('availableCount')).toBe('available_count');
    expect(toSnakeCase('CodeGroup')).toBe('code_group');
    expect(toSnakeCase('HTTPRequestId')).toBe('http_request_id');
  });
});
