import { codeProblem } from './storable-code';

describe('codeProblem', () => {
  it('names what is wrong with a code', () => {
    expect(codeProblem('   ')).toBe('empty');
    expect(codeProblem('A'.repeat(65))).toBe('too_long');
    expect(codeProblem('BAD CODE')).toBe('invalid_characters');
    expect(codeProblem('WIN,BACK')).toBe('invalid_characters');
    expect(codeProblem(' good-code_1 ')).toBeNull();
  });
});
