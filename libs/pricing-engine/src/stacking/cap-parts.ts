import { allocate } from '../money/allocate';

/**
 * README rules 15 and 19: when the parts of a discount add up to more than `cap`, the discount becomes exactly
 * `cap`, split over the parts with rule 4's method and the parts themselves as weights (each share rounded
 * down, the remaining units to the largest remainders, ties to the earlier part). No part grows. Returns null
 * when the parts are within the cap (a cap exactly reached changes nothing).
 */
export function capParts(parts: readonly number[], cap: number): number[] | null {
  let sum = 0;
  for (const part of parts) sum += part;
  return sum <= cap ? null : allocate(cap, parts);
}
