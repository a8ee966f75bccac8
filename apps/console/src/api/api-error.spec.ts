import { apiErrorOf, errorsByField } from './api-error';

describe('apiErrorOf', () => {
  it('keeps the field errors of a 400 problem', () => {
    const error = apiErrorOf(400, {
      type: '/problems/validation',
      title: 'Bad Request',
      status: 400,
      errors: [{ field: 'rules[0].reward.percent', reason: 'out_of_range', detail: 'percent must be at most 100.' }, { nope: 1 }],
    });
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([{ field: 'rules[0].reward.percent', reason: 'out_of_range', detail: 'percent must be at most 100.' }]);
  });

  it('copes with a body that is not a problem', () => {
    const error = apiErrorOf(502, 'gateway down');
    expect(error.title).toBe('HTTP 502');
    expect(error.errors).toEqual([]);
  });
});

describe('errorsByField', () => {
  it('joins two errors of one field', () => {
    const map = errorsByField([
      { field: 'id', reason: 'required', detail: 'id is required.' },
      { field: 'id', reason: 'pattern', detail: 'Use letters.' },
    ]);
    expect(map.get('id')).toBe('id is required. Use letters.');
  });
});
