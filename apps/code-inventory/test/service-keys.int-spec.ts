import { hashApiKey } from '@promo/platform';
import { uniqueSuffix } from '@promo/platform/testing';
import { aGroupWithCodes } from './builders/code-group.builder';
import { ADMIN_KEY, type InventoryApp, startInventoryApp, STOREFRONT_KEY } from './support/inventory-app';

// The keys other services call code-inventory with (#19.4): each may do what its caller needs and nothing more.
const CODE_LOOKUP_KEY = 'test-code-lookup-key-of-pricing';
const CODE_ISSUE_KEY = 'test-code-issue-key-of-campaigns';

describe('service-to-service keys on code-inventory (code-lookup for pricing, code-issue for campaigns)', () => {
  let inventory: InventoryApp;
  let groupId: string;
  let code: string;

  beforeAll(async () => {
    inventory = await startInventoryApp({
      API_KEYS: [`admin:${hashApiKey(ADMIN_KEY)}`, `storefront:${hashApiKey(STOREFRONT_KEY)}`, `code-lookup:${hashApiKey(CODE_LOOKUP_KEY)}`, `code-issue:${hashApiKey(CODE_ISSUE_KEY)}`].join(','),
    });
    const group = await aGroupWithCodes(inventory, 3);
    groupId = group.groupId;
    code = group.codes[0] ?? '';
  });

  afterAll(async () => {
    await inventory?.close();
  });

  const call = (key: string, method: string, path: string, body?: unknown) =>
    fetch(`${inventory.baseUrl}${path}`, {
      method,
      headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('lets a code-lookup key look a code up, the one call pricing makes', async () => {
    const response = await call(CODE_LOOKUP_KEY, 'GET', `/v1/codes/${encodeURIComponent(code)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code, groupId, state: 'available' });
  });

  it('refuses a code-lookup key (403) to issue codes, to create a code group and to list a group’s codes', async () => {
    const statuses = [
      (await call(CODE_LOOKUP_KEY, 'POST', `/v1/groups/${groupId}/issue`, { customerId: 'c-lookup', mode: 'first' })).status,
      (await call(CODE_LOOKUP_KEY, 'POST', '/v1/groups', { groupId: `G${uniqueSuffix().toUpperCase()}`, name: 'Sneaky', promotionId: 'promo-sneaky' })).status,
      (await call(CODE_LOOKUP_KEY, 'GET', `/v1/groups/${groupId}/codes?fromId=1&toId=3`)).status,
    ];
    expect(statuses).toEqual([403, 403, 403]);
  });

  it('lets a code-issue key issue one code and a batch, the calls campaigns make', async () => {
    const single = await call(CODE_ISSUE_KEY, 'POST', `/v1/groups/${groupId}/issue`, { customerId: 'c-issue-1', mode: 'first', bindToCustomer: true });
    expect(single.status).toBe(200);
    expect(await single.json()).toMatchObject({ code: expect.any(String), issue: 'first' });
    const batch = await call(CODE_ISSUE_KEY, 'POST', `/v1/groups/${groupId}/issue-batch`, { requests: [{ customerId: 'c-issue-2', mode: 'first', bindToCustomer: true }] });
    expect(batch.status).toBe(200);
    expect(((await batch.json()) as { results: unknown[] }).results).toHaveLength(1);
  });

  it('refuses a code-issue key (403) to create a code group, to look codes up and to read a customer’s codes', async () => {
    const statuses = [
      (await call(CODE_ISSUE_KEY, 'POST', '/v1/groups', { groupId: `G${uniqueSuffix().toUpperCase()}`, name: 'Sneaky', promotionId: 'promo-sneaky' })).status,
      (await call(CODE_ISSUE_KEY, 'GET', `/v1/codes/${encodeURIComponent(code)}`)).status,
      (await call(CODE_ISSUE_KEY, 'GET', '/v1/customers/c-issue-1/codes')).status,
    ];
    expect(statuses).toEqual([403, 403, 403]);
  });

  it('still lets an admin key issue and a storefront key look up', async () => {
    expect((await call(ADMIN_KEY, 'POST', `/v1/groups/${groupId}/issue`, { customerId: 'c-admin', mode: 'first' })).status).toBe(200);
    expect((await call(STOREFRONT_KEY, 'GET', `/v1/codes/${encodeURIComponent(code)}`)).status).toBe(200);
  });
});
