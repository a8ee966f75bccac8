import { aCart } from '../../test/builders/cart.builder';
import { aCoupon, anAutomatic } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const tenPercent = { type: 'orderPercent', percent: 10 };
const cart = aCart().withLine({ unitPrice: 10000 });

describe('targeting by customer id and market (README rules 18 and 21)', () => {
  it('never lets a guest through a customer-id list', () => {
    const result = priceWith([anAutomatic('vip', tenPercent, { targeting: { customerIds: ['cu-1'] } })], cart.withCustomer(null).build());
    expect(result.notApplied['vip']).toMatchObject({ reason: 'customer_not_eligible' });
  });

  it('never lets a cart without a market through a market list, and says so', () => {
    const result = priceWith([aCoupon('eu', tenPercent, { targeting: { markets: ['eu-west'] } })], cart.withCodes('EU').build());
    expect(result.codes['EU']).toMatchObject({ status: 'rejected', reason: 'wrong_market', message: 'EU is not available in your market.' });
  });

  it('reports wrong_market before customer_not_eligible, and wrong_currency before wrong_market', () => {
    const both = aCoupon('both', tenPercent, { targeting: { markets: ['us'], customerIds: ['cu-9'] } });
    const currency = aCoupon('eur', tenPercent, { targeting: { markets: ['us'], currency: 'EUR' } });
    const result = priceWith([both, currency], { ...cart.withCodes('BOTH', 'EUR').build(), market: 'ca' });
    expect(result.codes['BOTH']?.status === 'rejected' && result.codes['BOTH'].reason).toBe('wrong_market');
    expect(result.codes['EUR']?.status === 'rejected' && result.codes['EUR'].reason).toBe('wrong_currency');
  });

  it('does not mix up promotions that differ only in their markets when the index shares their parts', () => {
    const us = anAutomatic('us', tenPercent, { targeting: { markets: ['us'] } });
    const ca = anAutomatic('ca', tenPercent, { priority: 2, targeting: { markets: ['ca'] } });
    expect(priceWith([us, ca], { ...cart.build(), market: 'ca' }).discounts).toEqual({ ca: 1000 });
  });
});
