import type { ValueTransformer } from 'typeorm';

/**
 * Maps a Postgres `bigint` (returned by the driver as a string) to a safe integer of minor units.
 * A value beyond Number.MAX_SAFE_INTEGER is refused rather than silently rounded.
 */
export const bigintMoneyTransformer: ValueTransformer = {
  to(value: number | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (!Number.isSafeInteger(value)) throw new RangeError(`money must be a safe integer of minor units, got ${value}`);
    return String(value);
  },
  from(value: string | null): number | null {
    if (value === null) return null;
    const amount = Number(value);
    if (!Number.isSafeInteger(amount)) throw new RangeError(`stored money ${value} is beyond a safe integer`);
    return amount;
  },
};
