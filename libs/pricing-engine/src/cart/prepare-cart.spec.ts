import { aCart } from '../../test/builders/cart.builder';
import { someSettings } from '../../test/builders/promotion.builder';
import { compareLineIds, prepareCart } from './prepare-cart';

describe('compareLineIds', () => {
  it('orders the digits in a line id by their number, not their text', () => {
    expect(compareLineIds('l2', 'l10')).toBeLessThan(0);
    expect(compareLineIds('l10', 'l9')).toBeGreaterThan(0);
    expect(compareLineIds('a10b', 'a9c')).toBeGreaterThan(0);
    expect(compareLineIds('l3', 'l3')).toBe(0);
  });
});

describe('prepareCart', () => {
  it('puts the lines in natural line-id order, whatever order they arrive in', () => {
    const cart = aCart().withLine({ lineId: 'l10', unitPrice: 100 }).withLine({ lineId: 'l2', unitPrice: 200 }).withLine({ lineId: 'l1', unitPrice: 300 }).build();
    const prepared = prepareCart(cart, someSettings());
    expect(prepared.lines.map((line) => [line.index, line.lineId])).toEqual([[0, 'l1'], [1, 'l2'], [2, 'l10']]);
  });

  it('counts every line in the subtotal, condition lines in conditions, and discountable ones as reward lines (README rules 0 and 10)', () => {
    // l1: 2 × 1000 = 2000, a reward line. l2: a gift certificate, 500, in no base. l3: 300, not discountable but
    // counted toward conditions by the setting. Subtotal 2800; conditions see 2000 + 300 = 2300 and 2 + 1 = 3 units.
    const cart = aCart()
      .withLine({ unitPrice: 1000, quantity: 2 })
      .withLine({ unitPrice: 500, giftCertificate: true })
      .withLine({ unitPrice: 300, discountable: false })
      .build();
    const prepared = prepareCart(cart, someSettings({ nonDiscountableCountsTowardConditions: true }));
    expect(prepared.subtotal).toBe(2800);
    expect(prepared.conditionSubtotal).toBe(2300);
    expect(prepared.conditionQuantity).toBe(3);
    expect(prepared.rewardIndexes).toEqual([0]);
    expect(prepared.lines.map((line) => [line.qualifies, line.isConditionLine, line.isRewardLine])).toEqual([
      [true, true, true],
      [false, false, false],
      [true, true, false],
    ]);
  });

  it('leaves a line that is not discountable out of conditions when the setting says so', () => {
    const cart = aCart().withLine({ unitPrice: 1000 }).withLine({ unitPrice: 300, discountable: false }).build();
    const prepared = prepareCart(cart, someSettings({ nonDiscountableCountsTowardConditions: false }));
    expect(prepared.conditionSubtotal).toBe(1000);
    expect(prepared.conditionQuantity).toBe(1);
  });

  it('does not let a $0 line or an overridden price qualify when the settings refuse them (README rule 0)', () => {
    const cart = aCart().withLine({ unitPrice: 0 }).withLine({ unitPrice: 700, priceOverridden: true }).build();
    const prepared = prepareCart(cart, someSettings({ zeroPriceTriggers: false, overriddenPriceQualifies: false }));
    expect(prepared.lines.map((line) => line.qualifies)).toEqual([false, false]);
    expect(prepared.rewardIndexes).toEqual([]);
  });

  it('gives a line every category path and its ancestors, and splits custom fields into text and numbers', () => {
    const cart = aCart().withLine({ unitPrice: 100, categories: ['apparel/shoes/running'], customFields: { color: 'red', size: 42, vegan: true } }).build();
    const [line] = prepareCart(cart, someSettings()).lines;
    expect(line?.categoryPaths).toEqual(['apparel', 'apparel/shoes', 'apparel/shoes/running']);
    expect(line?.customFields).toEqual({ color: 'red' });
    expect(line?.numericFields).toEqual({ size: 42 });
  });

  it('reads a Version 1 shipping object as one method, and a list as given (README rule 12)', () => {
    const single = prepareCart(aCart().withShipping({ country: 'US', zone: 'domestic', method: 'ground', amount: 800 }).build(), someSettings());
    expect(single.shippingShape).toBe('object');
    expect(single.shippingMethods).toEqual([{ methodId: '', zone: 'domestic', method: 'ground', country: 'US', amount: 800 }]);
    expect(single.countries).toEqual(['US']);

    const listed = prepareCart({ ...aCart().build(), shipping: [{ methodId: 'm1', zone: 'eu', method: 'express', amount: 1200 }] }, someSettings());
    expect(listed.shippingShape).toBe('list');
    expect(listed.shippingMethods).toEqual([{ methodId: 'm1', zone: 'eu', method: 'express', country: null, amount: 1200 }]);

    const none = prepareCart(aCart().withShipping(null).build(), someSettings());
    expect(none.shippingShape).toBe('none');
    expect(none.shippingMethods).toEqual([]);
  });

  it('puts a guest in the group "guest" (P4)', () => {
    const prepared = prepareCart(aCart().withCustomer(null).build(), someSettings());
    expect([...prepared.groups]).toEqual(['guest']);
    expect(prepared.customerId).toBeNull();
  });
});
