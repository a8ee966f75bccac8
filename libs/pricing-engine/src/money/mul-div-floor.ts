/**
 * a * b / c rounded down, for non-negative integers; exact beyond 2^53. A floor, not half up: it lives apart
 * from round-half-up.ts so that neither name misleads.
 */
export function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return Math.floor(product / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}
