import { ApiProblemError, errorsByField, problemText } from './api-error';

describe('problemText', () => {
  it("says a refusal's detail, or its title when it has none", () => {
    const withDetail = new ApiProblemError(409, '/problems/group-has-issued-codes', 'Conflict', 'The group still has 3 issued codes.', [], {}, 'DELETE /v1/groups/g-1');
    const withoutDetail = new ApiProblemError(502, 'about:blank', 'HTTP 502', null, [], {}, 'GET /v1/settings');
    expect([problemText(withDetail), problemText(withoutDetail)]).toEqual(['The group still has 3 issued codes.', 'HTTP 502']);
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
