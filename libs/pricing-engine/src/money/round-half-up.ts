/**
 * Divides two non-negative integers and rounds half up (P8: 0.5 up, 0.4 down).
 * Exact for any inputs: falls back to bigint when the numerator is not a safe integer.
 */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (!(denominator > 0) || numerator < 0) {
    throw new RangeError(`roundHalfUp needs numerator >= 0 and denominator > 0, got ${numerator}/${denominator}`);
  }
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) {
    const quotient = Math.floor(numerator / denominator);
    const remainder = numerator - quotient * denominator;
    return remainder * 2 >= denominator ? quotient + 1 : quotient;
  }
  return Number(roundHalfUpBig(BigInt(numerator), BigInt(denominator)));
}

/** Same as {@link roundHalfUp} on bigints. */
export function roundHalfUpBig(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator - quotient * denominator;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}

/** Multiplies a * b / c for non-negative integers, rounding half up once; exact beyond 2^53. */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return roundHalfUp(product, c);
  return Number(roundHalfUpBig(BigInt(a) * BigInt(b), BigInt(c)));
}
