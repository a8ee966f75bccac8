import { zeros } from '../zeros';

/**
 * Splits `total` minor units over `weights` by largest remainder (Vendure's prorate, P8):
 * each share is rounded down, the units left go one each to the largest fractional
 * remainders, ties to the earlier weight. The parts always sum to `total`; when every
 * weight is 0 nothing is allocated (all parts 0).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertNonNegativeInteger(total, 'total');
  let weightSum = 0;
  for (const weight of weights) {
    assertNonNegativeInteger(weight, 'weight');
    weightSum += weight;
  }
  const parts = zeros(weights.length);
  if (weightSum === 0 || total === 0) return parts;
  if (!Number.isSafeInteger(weightSum) || !Number.isSafeInteger(total * weightSum)) {
    return allocateBig(total, weights, weightSum);
  }
  const remainders = zeros(weights.length);
  let given = 0;
  for (let i = 0; i < weights.length; i += 1) {
    const product = total * (weights[i] ?? 0);
    const share = Math.floor(product / weightSum);
    parts[i] = share;
    remainders[i] = product - share * weightSum;
    given += share;
  }
  distributeLeftover(parts, remainders, total - given);
  return parts;
}

function allocateBig(total: number, weights: readonly number[], weightSum: number): number[] {
  const bigTotal = BigInt(total);
  const bigSum = BigInt(weightSum);
  const parts = zeros(weights.length);
  const remainders = zeros(weights.length);
  let given = 0;
  for (let i = 0; i < weights.length; i += 1) {
    const product = bigTotal * BigInt(weights[i] ?? 0);
    const share = product / bigSum;
    parts[i] = Number(share);
    // Remainders are compared only with each other, so their float rounding is harmless
    // as long as order is kept: scale into [0, 1).
    remainders[i] = Number(product - share * bigSum) / weightSum;
    given += Number(share);
  }
  distributeLeftover(parts, remainders, total - given);
  return parts;
}

/** Above this many comparisons, picking the largest remainders one by one costs more than sorting them. */
const MAX_PICK_COMPARISONS = 256;

/** One more unit to each of the `leftover` largest remainders, ties to the earlier weight. */
function distributeLeftover(parts: number[], remainders: readonly number[], leftover: number): void {
  if (leftover <= 0) return;
  const count = remainders.length;
  if (leftover > count || leftover * count > MAX_PICK_COMPARISONS) {
    distributeBySorting(parts, remainders, leftover);
    return;
  }
  const picked = new Uint8Array(count);
  for (let k = 0; k < leftover; k += 1) {
    let best = -1;
    let bestRemainder = 0;
    for (let i = 0; i < count; i += 1) {
      const remainder = remainders[i] ?? 0;
      if (picked[i] === 0 && (best === -1 || remainder > bestRemainder)) {
        best = i;
        bestRemainder = remainder;
      }
    }
    picked[best] = 1;
    parts[best] = (parts[best] ?? 0) + 1;
  }
}

function distributeBySorting(parts: number[], remainders: readonly number[], leftover: number): void {
  const order = remainders.map((_, i) => i);
  order.sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
  for (let k = 0; k < leftover; k += 1) {
    const i = order[k % order.length] ?? 0;
    parts[i] = (parts[i] ?? 0) + 1;
  }
}

function assertNonNegativeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`allocate: ${name} must be a non-negative safe integer, got ${value}`);
  }
}
