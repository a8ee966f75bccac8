import { codeProblem, normalizeCode } from './normalize-code';

describe('normalizeCode', () => {
  it('trims spaces and folds case', () => {
    expect(normalizeCode('  Summer-1234-ABCD ')).toBe('summer-1234-abcd');
  });
});

describe('codeProblem', () => {
  it('names what is wrong with a code', () => {
    expect(codeProblem('   ')).toBe('empty');
    expect(codeProblem('A'.repeat(65))).toBe('too_long');
    expect(codeProblem('BAD CODE')).toBe('invalid_characters');
    expect(codeProblem('WIN,BACK')).toBe('invalid_characters');
    expect(codeProblem(' good-code_1 ')).toBeNull();
  });
});
