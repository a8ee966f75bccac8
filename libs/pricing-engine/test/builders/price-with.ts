import { type Cart, type PricingResult, type Settings, compilePromotions } from '../../src';
import { AT, someSettings } from './promotion.builder';

/** Prices `cart` against `promotions` (wire shape), failing loudly if any promotion is refused. */
export function priceWith(promotions: readonly unknown[], cart: Cart, settings: Settings = someSettings(), at: string = AT): PricingResult {
  const index = compilePromotions(promotions, settings);
  if (index.refused.length > 0) throw new Error(`Promotions refused: ${JSON.stringify(index.refused)}`);
  return index.price(cart, at);
}
