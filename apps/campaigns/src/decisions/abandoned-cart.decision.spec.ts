import { type AbandonedCartFacts, decideAbandonedCart } from './abandoned-cart.decision';

const eligible: AbandonedCartFacts = {
  isCampaignEnabled: true,
  lineCount: 2,
  cartValue: 5000,
  minimumCartValue: 5000,
  customerId: 'cu-1',
  email: 'buyer@example.test',
  hasMarketingConsent: true,
  isSuppressed: false,
  hasOrderAtOrBeforeDue: false,
  hasRecentEmail: false,
};

describe('decideAbandonedCart', () => {
  it('sends when the cart is worth exactly the minimum and every rule holds', () => {
    expect(decideAbandonedCart(eligible)).toEqual({ send: true });
  });

  it.each([
    [{ lineCount: 0 }, 'cart_empty'],
    [{ customerId: null }, 'guest'],
    [{ hasMarketingConsent: false }, 'no_consent'],
    [{ isSuppressed: true }, 'suppressed'],
    [{ cartValue: 4999 }, 'below_minimum'],
    [{ hasOrderAtOrBeforeDue: true }, 'ordered'],
    [{ hasRecentEmail: true }, 'frequency_cap'],
    [{ isCampaignEnabled: false }, 'campaign_disabled'],
  ] as const)('suppresses %o with reason %s', (change, reason) => {
    expect(decideAbandonedCart({ ...eligible, ...change })).toEqual({ send: false, reason });
  });
});
