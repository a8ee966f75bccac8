import { cartDraftToWire, cartWireToDraft, emptyLine, lineOfProduct, sampleCartDraft } from './cart-draft';

describe('cartDraftToWire', () => {
  it('writes the sample cart with unit prices and shipping in minor units', () => {
    const { cart, at, errors } = cartDraftToWire(sampleCartDraft(), 'USD', 'UTC');
    expect(errors).toEqual([]);
    expect(at).toBeUndefined();
    expect(cart).toEqual({
      cartId: 'console-preview',
      channel: 'web',
      currency: 'USD',
      customer: { customerId: 'preview-customer', groups: [], orderCount: 1 },
      lines: [
        { lineId: 'l1', sku: 'SHIRT', productId: 'shirt', quantity: 2, unitPrice: 2500, categories: ['apparel'] },
        { lineId: 'l2', sku: 'SHOES', productId: 'shoes', quantity: 1, unitPrice: 6000, categories: ['footwear'] },
      ],
      codes: [],
      shipping: { country: 'US', amount: 800 },
    });
  });

  it('converts with the currency exponent, reads the pricing time in the store zone and takes codes, groups and a method', () => {
    const draft = {
      ...sampleCartDraft(),
      customerId: 'cu-9',
      groups: 'vip, staff',
      codes: 'WELCOME, SAT10',
      shippingMethod: 'express',
      shippingAmount: '500',
      country: 'jp',
      lines: [{ ...emptyLine(), sku: 'TEA', categories: 'food/tea', brand: 'Ito', quantity: '3', unitPrice: '1200' }],
      at: '2026-11-27T09:00',
    };
    const { cart, at, errors } = cartDraftToWire(draft, 'JPY', 'Asia/Tokyo');
    expect(errors).toEqual([]);
    // Tokyo is UTC+9 all year.
    expect(at).toBe('2026-11-27T00:00:00.000Z');
    expect(cart).toMatchObject({
      currency: 'JPY',
      customer: { customerId: 'cu-9', groups: ['vip', 'staff'], orderCount: 1 },
      lines: [{ lineId: 'l1', sku: 'TEA', productId: 'TEA', quantity: 3, unitPrice: 1200, categories: ['food/tea'], brand: 'Ito' }],
      codes: ['WELCOME', 'SAT10'],
      shipping: { country: 'JP', amount: 500, method: 'express' },
    });
  });

  it('names each field it cannot read', () => {
    const draft = { ...sampleCartDraft(), lines: [{ ...emptyLine(), sku: '', quantity: 'two', unitPrice: '1.234' }], at: 'soon' };
    expect(cartDraftToWire(draft, 'USD', 'UTC').errors.map((e) => e.field)).toEqual(['cart.lines[0].sku', 'cart.lines[0].quantity', 'cart.lines[0].unitPrice', 'at']);
  });
});

describe('lineOfProduct', () => {
  it('adds a seen product at its last price in major units', () => {
    expect(lineOfProduct({ sku: 'BOOT-42', productId: 'boot', categories: ['apparel/shoes', 'sale'], brand: 'Ridge', currency: 'USD', unitPrice: 9000 })).toEqual({
      sku: 'BOOT-42', productId: 'boot', categories: 'apparel/shoes, sale', brand: 'Ridge', quantity: '1', unitPrice: '90.00',
    });
  });
});

describe('cartWireToDraft', () => {
  it('reads a cart typed as JSON back into the builder', () => {
    const draft = cartWireToDraft({ currency: 'USD', channel: 'web', lines: [{ lineId: 'a', sku: 'S0', productId: 'p0', quantity: 3, unitPrice: 2000 }] }, '');
    expect(draft.lines).toEqual([{ sku: 'S0', productId: 'p0', categories: '', brand: '', quantity: '3', unitPrice: '20.00' }]);
    expect(draft.customerId).toBe('');
  });
});
