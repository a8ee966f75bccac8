/** A cart to try a draft on, in the promotion's currency. */
export function sampleCart(currency: string): Record<string, unknown> {
  return {
    cartId: 'console-preview',
    channel: 'web',
    currency,
    customer: { customerId: 'preview-customer', orderCount: 1 },
    lines: [
      { lineId: 'l1', sku: 'SHIRT', productId: 'shirt', quantity: 2, unitPrice: 2500, categories: ['apparel'] },
      { lineId: 'l2', sku: 'SHOES', productId: 'shoes', quantity: 1, unitPrice: 6000, categories: ['footwear'] },
    ],
    codes: [],
    shipping: { country: 'US', amount: 800 },
  };
}
