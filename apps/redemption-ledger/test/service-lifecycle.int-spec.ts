import { assertServiceRefusesInvalidEnvironment, assertServiceRunsAndStopsCleanly } from '@promo/service-runtime/testing';

describe('redemption-ledger service process', () => {
  it('applies its migrations, becomes ready, answers health, metrics and docs, and stops cleanly on SIGTERM', () => assertServiceRunsAndStopsCleanly('redemption-ledger'));

  it('refuses to start with an invalid environment and names every bad variable', () => assertServiceRefusesInvalidEnvironment('redemption-ledger'));
});
