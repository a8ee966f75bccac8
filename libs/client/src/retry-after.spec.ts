import { retryAfterMs } from './retry-after';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-10-21T07:28:00Z');

  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2026 07:28:30 GMT', 30_000],
    ['Wed, 21 Oct 2026 07:27:00 GMT', 0],
  ])('reads %j as %d ms', (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });

  it.each([null, 'soon', '-5', '1.5'])('answers null for %j', (header) => {
    expect(retryAfterMs(header, now)).toBeNull();
  });
});
