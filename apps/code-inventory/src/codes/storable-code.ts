/** A storable code: letters, digits, `-` and `_`, 1 to 64 characters (so CSV export needs no quoting). */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export type CodeProblem = 'empty' | 'too_long' | 'invalid_characters';

/** Why a typed or uploaded code cannot be stored, or null when it can (after trimming). */
export function codeProblem(value: string): CodeProblem | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > 64) return 'too_long';
  return CODE_PATTERN.test(trimmed) ? null : 'invalid_characters';
}
