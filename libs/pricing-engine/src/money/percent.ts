import { mulDivHalfUp } from './round-half-up';

/** Basis points per 100% (STYLE.md: percentages are integer basis points, 12.5% = 1250). */
export const BASIS_POINTS_PER_WHOLE = 10_000;

/** The discount `basisPoints` takes of `amount` (minor units), rounded half up once (P8). */
export function percentOf(amount: number, basisPoints: number): number {
  return mulDivHalfUp(amount, basisPoints, BASIS_POINTS_PER_WHOLE);
}

/** Basis points from a percentage such as 12.5; null when it has more than two decimals. */
export function toBasisPoints(percent: number): number | null {
  const scaled = percent * 100;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : null;
}
