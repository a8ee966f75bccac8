import { randomFillSync } from 'node:crypto';
import type { FieldError } from '@promo/platform';

/** C2: the default charset leaves out look-alikes (0/O, 1/I/L). */
export const DEFAULT_CHARSET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const DEFAULT_LENGTH = 8;
/** C3: a pattern's space must hold this many times the count, so generation never crawls near a full space. */
export const SPACE_MARGIN = 4;

export interface GenerationSpec {
  readonly count: number;
  /** `#` = a digit of the charset, `?` = any charset character, anything else is literal (`SUMMER-####-????`). */
  readonly pattern?: string | undefined;
  readonly length?: number | undefined;
  readonly charset?: string | undefined;
  readonly prefix?: string | undefined;
  readonly suffix?: string | undefined;
}

/** Each position's alphabet (a literal is a one-letter alphabet) and how many codes they can spell. */
export interface CompiledPattern {
  readonly slots: readonly string[];
  readonly space: bigint;
}

const LITERAL = /^[A-Za-z0-9_-]*$/;

/** Checks a generation request and compiles it, or names every bad field (400) — `pattern_space_too_small` with the figures. */
export function compilePattern(spec: GenerationSpec): { readonly ok: true; readonly pattern: CompiledPattern } | { readonly ok: false; readonly errors: readonly FieldError[] } {
  const errors: FieldError[] = [];
  const charset = [...new Set((spec.charset ?? DEFAULT_CHARSET).toUpperCase())].join('');
  if (!/^[A-Z0-9]{2,}$/.test(charset)) errors.push({ field: 'charset', reason: 'invalid_charset', detail: 'charset must hold at least 2 distinct letters or digits (case is folded)' });
  for (const field of ['prefix', 'suffix'] as const) {
    if (!LITERAL.test(spec[field] ?? '')) errors.push({ field, reason: 'invalid_characters', detail: `${field} may hold only letters, digits, - and _` });
  }
  const body = spec.pattern ?? '?'.repeat(spec.length ?? DEFAULT_LENGTH);
  if (spec.pattern !== undefined && !/^[A-Za-z0-9_#?-]+$/.test(spec.pattern)) {
    errors.push({ field: 'pattern', reason: 'invalid_pattern', detail: 'pattern may hold # (digit), ? (charset character), letters, digits, - and _' });
  }
  if (spec.pattern !== undefined && !/[#?]/.test(spec.pattern)) errors.push({ field: 'pattern', reason: 'invalid_pattern', detail: 'pattern needs at least one # or ?' });
  const text = `${spec.prefix ?? ''}${body}${spec.suffix ?? ''}`;
  if (text.length > 64) errors.push({ field: spec.pattern === undefined ? 'length' : 'pattern', reason: 'too_long', detail: `codes would be ${text.length} characters; at most 64` });
  if (errors.length > 0) return { ok: false, errors };

  const digits = charset.replace(/[^0-9]/g, '') || '0123456789';
  const slots = [...(spec.prefix ?? '')].concat([...body].map((ch) => (ch === '#' ? digits : ch === '?' ? charset : ch)), [...(spec.suffix ?? '')]);
  const space = slots.reduce((product, alphabet) => product * BigInt(alphabet.length), 1n);
  const needed = BigInt(spec.count) * BigInt(SPACE_MARGIN);
  if (space < needed) {
    return {
      ok: false,
      errors: [
        {
          field: spec.pattern === undefined ? 'length' : 'pattern',
          reason: 'pattern_space_too_small',
          detail: `the pattern can make ${space} codes; ${spec.count} codes need a space of at least ${needed} (${SPACE_MARGIN} × count)`,
        },
      ],
    };
  }
  return { ok: true, pattern: { slots, space } };
}

/**
 * `count` random codes of the pattern as COPY text (`CODE\n` each), uniformly drawn with rejection
 * sampling on crypto-random bytes. Duplicates are possible and left to the unique index (C3).
 */
export function randomCodeLines(pattern: CompiledPattern, count: number): Buffer {
  const width = pattern.slots.length + 1;
  const out = Buffer.allocUnsafe(width * count);
  const alphabets = pattern.slots.map((alphabet) => Buffer.from(alphabet, 'latin1'));
  const random = Buffer.allocUnsafe(65_536);
  let cursor = random.length;
  const nextByte = (): number => {
    if (cursor === random.length) {
      randomFillSync(random);
      cursor = 0;
    }
    const value = random[cursor] ?? 0;
    cursor += 1;
    return value;
  };
  let offset = 0;
  for (let n = 0; n < count; n += 1) {
    for (const alphabet of alphabets) {
      const size = alphabet.length;
      if (size === 1) {
        out[offset] = alphabet[0] ?? 0;
      } else {
        const limit = 256 - (256 % size);
        let byte = nextByte();
        while (byte >= limit) byte = nextByte();
        out[offset] = alphabet[byte % size] ?? 0;
      }
      offset += 1;
    }
    out[offset] = 0x0a;
    offset += 1;
  }
  return out;
}
