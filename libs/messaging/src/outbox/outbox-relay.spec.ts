import { chunkByBytes } from './outbox-relay';

describe('chunkByBytes', () => {
  it('keeps order and starts a new chunk before the limit would be passed', () => {
    const rows = ['aaaa', 'bbbb', 'cc', 'dddddd', 'e'].map((value) => ({ value }));
    expect(chunkByBytes(rows, 8).map((c) => c.map((r) => r.value))).toEqual([['aaaa', 'bbbb'], ['cc', 'dddddd'], ['e']]);
  });

  it('sends a row larger than the limit on its own', () => {
    expect(chunkByBytes([{ value: 'x'.repeat(20) }, { value: 'y' }], 8).map((c) => c.length)).toEqual([1, 1]);
  });
});
