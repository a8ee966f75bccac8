import { assertServiceRefusesInvalidEnvironment, assertServiceRunsAndStopsCleanly } from '@promo/service-runtime/testing';

describe('pricing service process', () => {
  it('applies its migrations, becomes ready, answers health, metrics and docs, and stops cleanly on SIGTERM', () => assertServiceRunsAndStopsCleanly('pricing'));

  it('refuses to start with an invalid environment and names every bad variable', () => assertServiceRefusesInvalidEnvironment('pricing'));
});
