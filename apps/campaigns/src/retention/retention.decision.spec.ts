import { decideRetentionOffer, type RetentionFacts } from './retention.decision';

const EVERY_RULE_HOLDS: RetentionFacts = {
  hasMarketingConsent: true,
  email: 'ada@example.com',
  isSuppressed: false,
  daysInactive: 80,
  minimumDaysInactive: 60,
  hasOfferWithinCoolDown: false,
  hasRetentionEmailWithinCap: false,
};

describe('decideRetentionOffer (K2, K3)', () => {
  it('offers when every rule holds, including exactly the minimum days of inactivity', () => {
    expect(decideRetentionOffer(EVERY_RULE_HOLDS)).toEqual({ send: true });
    expect(decideRetentionOffer({ ...EVERY_RULE_HOLDS, daysInactive: 60 })).toEqual({ send: true });
  });

  it.each([
    [{ hasMarketingConsent: false }, 'no_consent'],
    [{ email: null }, 'no_email'],
    [{ isSuppressed: true }, 'suppressed'],
    [{ daysInactive: 59 }, 'not_inactive_long_enough'],
    [{ hasOfferWithinCoolDown: true }, 'cool_down'],
    [{ hasRetentionEmailWithinCap: true }, 'frequency_cap'],
  ] as const)('refuses when one rule fails: %j → %s', (change, reason) => {
    expect(decideRetentionOffer({ ...EVERY_RULE_HOLDS, ...change })).toEqual({ send: false, reason });
  });

  it('names the first failing rule when several fail, consent first', () => {
    expect(decideRetentionOffer({ ...EVERY_RULE_HOLDS, hasMarketingConsent: false, isSuppressed: true, hasRetentionEmailWithinCap: true })).toEqual({ send: false, reason: 'no_consent' });
    expect(decideRetentionOffer({ ...EVERY_RULE_HOLDS, daysInactive: 10, hasOfferWithinCoolDown: true })).toEqual({ send: false, reason: 'not_inactive_long_enough' });
  });
});
