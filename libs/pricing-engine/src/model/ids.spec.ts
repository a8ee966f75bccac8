import { normalizeCode } from './ids';

describe('normalizeCode', () => {
  it('trims spaces and folds case (C2), to lower case as code-inventory and the ledger store codes', () => {
    expect(normalizeCode('  Summer-1234-ABCD ')).toBe('summer-1234-abcd');
  });
});
