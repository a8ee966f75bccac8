import { mulDivHalfUp } from '../money/round-half-up';
import { BASIS_POINTS_PER_WHOLE } from '../money/percent';

/** A line's discount split into its tax and net parts (README rule 11). */
export interface TaxShares {
  readonly taxDiscount: number;
  readonly netDiscount: number;
}

/**
 * README rule 11: of a gross line discount D at tax rate r (basis points), the tax share is
 * round-half-up(D × r ÷ (10000 + r)), taken once per line of its total discount; the net share is the rest, so
 * the two add up to D exactly.
 */
export function taxShares(discount: number, taxRateBasisPoints: number): TaxShares {
  const taxDiscount = discount === 0 ? 0 : mulDivHalfUp(discount, taxRateBasisPoints, BASIS_POINTS_PER_WHOLE + taxRateBasisPoints);
  return { taxDiscount, netDiscount: discount - taxDiscount };
}
