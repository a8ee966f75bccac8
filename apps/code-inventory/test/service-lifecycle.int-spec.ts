import { assertServiceRefusesInvalidEnvironment, assertServiceRunsAndStopsCleanly, type DocumentedBody } from '@promo/service-runtime/testing';

// #11: the OpenAPI document lists the fields of these request bodies (hand-written from the DTOs).
const documentedBodies: readonly DocumentedBody[] = [
  { method: 'post', path: '/v1/groups', properties: ['groupId', 'name', 'promotionId'] },
  { method: 'post', path: '/v1/groups/{groupId}/generate', properties: ['count', 'pattern', 'length', 'charset', 'prefix', 'suffix'] },
  { method: 'post', path: '/v1/groups/{groupId}/issue', properties: ['customerId', 'mode', 'bindToCustomer'] },
];

describe('code-inventory service process', () => {
  it('applies its migrations, becomes ready, answers health, metrics and docs, and stops cleanly on SIGTERM', () => assertServiceRunsAndStopsCleanly('code-inventory', { documentedBodies }));

  it('refuses to start with an invalid environment and names every bad variable', () => assertServiceRefusesInvalidEnvironment('code-inventory'));
});
