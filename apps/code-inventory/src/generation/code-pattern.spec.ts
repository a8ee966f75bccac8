import { compilePattern, DEFAULT_CHARSET, randomCodeLines } from './code-pattern';

describe('compilePattern', () => {
  it('spells SUMMER-####-???? with digits of the charset and any charset character', () => {
    const result = compilePattern({ count: 10, pattern: 'SUMMER-####-????' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Default charset: 23 letters + 8 digits (no 0/O, 1/I/L) = 31; digits 2-9 = 8.
    expect(DEFAULT_CHARSET).toHaveLength(31);
    expect(result.pattern.space).toBe(8n ** 4n * 31n ** 4n);
  });

  it('refuses a space smaller than four times the count, with the figures', () => {
    const result = compilePattern({ count: 30, pattern: 'A#', charset: '0123456789' });
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'pattern', reason: 'pattern_space_too_small', detail: 'the pattern can make 10 codes; 30 codes need a space of at least 120 (4 × count)' }],
    });
  });

  it('names every bad field', () => {
    const result = compilePattern({ count: 1, pattern: 'BAD PATTERN', charset: 'a', prefix: 'x y' });
    expect(result.ok ? [] : result.errors.map((e) => `${e.field}:${e.reason}`)).toEqual(['charset:invalid_charset', 'prefix:invalid_characters', 'pattern:invalid_pattern', 'pattern:invalid_pattern']);
  });
});

describe('randomCodeLines', () => {
  it('writes one code per line matching the pattern with prefix and suffix', () => {
    const result = compilePattern({ count: 16, pattern: 'S-##??', charset: 'AB12', prefix: 'P', suffix: 'Z' });
    if (!result.ok) throw new Error('pattern refused');
    const lines = randomCodeLines(result.pattern, 100).toString('latin1').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(100);
    expect(lines.every((line) => /^PS-[12]{2}[AB12]{2}Z$/.test(line))).toBe(true);
  });
});
