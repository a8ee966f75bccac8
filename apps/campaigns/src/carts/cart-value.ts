import type { CartLine } from '@promo/contracts';

/**
 * The cart's value for the minimum-value rule (streams README): Σ unitPrice × quantity over every line,
 * on-sale, price-overridden and gift-certificate lines included, before promotions, without shipping.
 * Minor units.
 */
export function cartValue(lines: readonly Pick<CartLine, 'unitPrice' | 'quantity'>[]): number {
  let total = 0;
  for (const line of lines) total += line.unitPrice * line.quantity;
  if (!Number.isSafeInteger(total)) throw new RangeError(`cart value ${total} is not a safe integer of minor units`);
  return total;
}
