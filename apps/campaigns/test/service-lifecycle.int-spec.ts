import { assertServiceRefusesInvalidEnvironment, assertServiceRunsAndStopsCleanly } from '@promo/service-runtime/testing';

describe('campaigns service process', () => {
  it('applies its migrations, becomes ready, answers health, metrics and docs, and stops cleanly on SIGTERM', () => assertServiceRunsAndStopsCleanly('campaigns'));

  it('refuses to start with an invalid environment and names every bad variable', () => assertServiceRefusesInvalidEnvironment('campaigns'));
});
