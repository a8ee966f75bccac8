import { assertServiceRefusesInvalidEnvironment, assertServiceRunsAndStopsCleanly, type DocumentedBody } from '@promo/service-runtime/testing';

// #11: the OpenAPI document lists the fields of these request bodies (hand-written from the DTOs).
const documentedBodies: readonly DocumentedBody[] = [
  { method: 'post', path: '/v1/campaigns', properties: ['campaignId', 'name', 'enabled', 'kind', 'steps', 'template'] },
  { method: 'post', path: '/v1/suppressions', properties: ['email', 'customerId'] },
];

describe('campaigns service process', () => {
  it('applies its migrations, becomes ready, answers health, metrics and docs, and stops cleanly on SIGTERM', () => assertServiceRunsAndStopsCleanly('campaigns', { documentedBodies }));

  it('refuses to start with an invalid environment and names every bad variable', () => assertServiceRefusesInvalidEnvironment('campaigns'));
});
