import { BodyDepthPipe, MAX_BODY_DEPTH } from './body-depth.pipe';
import { ValidationFailedError } from './domain-error';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

describe('BodyDepthPipe', () => {
  const pipe = new BodyDepthPipe();
  const body = { type: 'body' as const };

  it(`accepts a body nested ${MAX_BODY_DEPTH} levels and leaves query and params alone`, () => {
    const value = nested(MAX_BODY_DEPTH);
    expect(pipe.transform(value, body)).toBe(value);
    expect(pipe.transform(nested(10_000), { type: 'query' })).toBeDefined();
  });

  it('refuses a deeper body (even 100,000 levels, without overflowing) with a 400 naming (body) and too_deep', () => {
    for (const depth of [MAX_BODY_DEPTH + 1, 100_000]) {
      let thrown: unknown;
      try {
        pipe.transform(nested(depth), body);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationFailedError);
      expect((thrown as ValidationFailedError).errors).toEqual([{ field: '(body)', reason: 'too_deep', detail: `the body is nested deeper than ${MAX_BODY_DEPTH} levels` }]);
    }
  });
});
