import type { CartShipping } from '../model/cart';

/** Whether a shipping reward covers the cart's shipping: listed zones and methods, null meaning all. */
export function coversShipping(
  shipping: CartShipping | null,
  zones: ReadonlySet<string> | null,
  methods: ReadonlySet<string> | null,
): shipping is CartShipping {
  if (shipping === null) return false;
  if (zones !== null && (shipping.zone === null || shipping.zone === undefined || !zones.has(shipping.zone))) return false;
  if (methods !== null && (shipping.method === null || shipping.method === undefined || !methods.has(shipping.method))) return false;
  return true;
}
