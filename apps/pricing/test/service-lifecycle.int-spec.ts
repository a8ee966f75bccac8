import { assertServiceRefusesInvalidEnvironment, assertServiceRunsAndStopsCleanly } from '@promo/service-runtime/testing';

describe('pricing service process', () => {
  it('applies its migrations, becomes ready, answers health, metrics and docs, and stops cleanly on SIGTERM', () =>
    assertServiceRunsAndStopsCleanly('pricing', {
      documentedBodies: [
        { path: '/v1/promotions', method: 'post', properties: ['id', 'kind', 'rules', 'targeting', 'schedule', 'limits'] },
        { path: '/v1/carts/price', method: 'post', properties: ['cartId', 'currency', 'lines', 'codes', 'token'] },
        { path: '/v1/carts/price/dry-run', method: 'post', properties: ['cart', 'promotions', 'at'] },
        { path: '/v1/settings', method: 'put', properties: ['maxCodesPerOrder', 'calculation', 'timeZone'] },
        { path: '/v1/promotion-priorities', method: 'put', properties: ['priorities'] },
        { path: '/v1/promotions/impact', method: 'post', properties: ['promotions', 'carts'] },
      ],
    }));

  it('refuses to start with an invalid environment and names every bad variable', () => assertServiceRefusesInvalidEnvironment('pricing'));
});
