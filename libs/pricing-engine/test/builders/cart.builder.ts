import type { Cart, CartCustomer, CartLine, CartShipping } from '../../src';

/** Builds a cart (wire shape) for tests: `aCart().withLine({...}).withCodes('TEN').build()`. */
export interface CartBuilder {
  withLine(line: Partial<CartLine> & { readonly unitPrice: number }): CartBuilder;
  withCurrency(currency: string, exponent: number): CartBuilder;
  withChannel(channel: string): CartBuilder;
  withCustomer(customer: CartCustomer | null): CartBuilder;
  withCodes(...codes: string[]): CartBuilder;
  withShipping(shipping: CartShipping | null): CartBuilder;
  build(): Cart;
}

export function aCart(initial?: Cart): CartBuilder {
  const cart: Cart = initial ?? {
    cartId: 'cart-1',
    channel: 'web',
    currency: 'USD',
    currencyExponent: 2,
    customer: { customerId: 'cu-1', groups: ['retail'], segments: [], orderCount: 4 },
    lines: [],
    codes: [],
    shipping: null,
  };
  return {
    withLine(line) {
      const n = cart.lines.length + 1;
      const full: CartLine = { lineId: `l${n}`, sku: `SKU-${n}`, productId: `p-${n}`, quantity: 1, categories: ['general'], ...line };
      return aCart({ ...cart, lines: [...cart.lines, full] });
    },
    withCurrency(currency, exponent) {
      return aCart({ ...cart, currency, currencyExponent: exponent });
    },
    withChannel(channel) {
      return aCart({ ...cart, channel });
    },
    withCustomer(customer) {
      return aCart({ ...cart, customer });
    },
    withCodes(...codes) {
      return aCart({ ...cart, codes });
    },
    withShipping(shipping) {
      return aCart({ ...cart, shipping });
    },
    build() {
      return cart;
    },
  };
}
