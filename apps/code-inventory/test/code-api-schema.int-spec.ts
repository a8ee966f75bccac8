import { documentedSchemaCheck, fetchApiDocument, type ServedApiDocument } from '@promo/platform/testing';
import { aGroupWithCodes } from './builders/code-group.builder';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

// #24: the code lookup's and issue's answers are what code-inventory's OpenAPI document says, checked with ajv
// against the schemas the running service serves at /docs-json.
describe('the code lookup and issue answer as the OpenAPI document says', () => {
  let inventory: InventoryApp;
  let document: ServedApiDocument;

  beforeAll(async () => {
    inventory = await startInventoryApp();
    document = await fetchApiDocument(inventory.baseUrl);
  }, 60_000);

  afterAll(() => inventory.close());

  const answer = async (response: Response): Promise<{ status: number; body: unknown }> => ({ status: response.status, body: await response.json() });

  it('issues a code, re-issues it, answers empty from an exhausted group, and in a batch', async () => {
    const issued = documentedSchemaCheck(document, '/v1/groups/{groupId}/issue', 'post', 200);
    const { groupId } = await aGroupWithCodes(inventory, 2);
    const first = await answer(await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-1', mode: 'first', bindToCustomer: true }));
    const repeat = await answer(await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-1', mode: 'reissue' }));
    const batch = await answer(await inventory.admin('POST', `/v1/groups/${groupId}/issue-batch`, { requests: [{ customerId: 'cu-2', mode: 'first' }, { customerId: 'cu-3', mode: 'first' }] }));
    expect([first.status, repeat.status, batch.status]).toEqual([200, 200, 200]);
    expect(issued(first.body)).toEqual([]);
    expect(issued(repeat.body)).toEqual([]);
    expect(repeat.body).toMatchObject({ issue: 'repeat' });
    expect(documentedSchemaCheck(document, '/v1/groups/{groupId}/issue-batch', 'post', 200)(batch.body)).toEqual([]);
    // By hand: two codes, cu-1 has one, cu-2 takes the other, nothing is left for cu-3.
    expect(batch.body).toMatchObject({ results: [{ issue: 'first' }, { code: null, issue: null, token: null, promotionId: null }] });
  });

  it('looks a code up, with and without a token, and answers 404 as documented for an unknown one', async () => {
    const lookedUp = documentedSchemaCheck(document, '/v1/codes/{code}', 'get', 200);
    const { groupId, codes } = await aGroupWithCodes(inventory, 1);
    const issue = (await (await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-9', mode: 'first', bindToCustomer: true })).json()) as { token: string };
    const code = encodeURIComponent(codes[0] ?? '');
    const plain = await answer(await inventory.storefront('GET', `/v1/codes/${code}`));
    const withToken = await answer(await inventory.storefront('GET', `/v1/codes/${code}?customerId=cu-9&token=${encodeURIComponent(issue.token)}`));
    expect([plain.status, withToken.status]).toEqual([200, 200]);
    expect(lookedUp(plain.body)).toEqual([]);
    expect(lookedUp(withToken.body)).toEqual([]);
    expect(withToken.body).toMatchObject({ state: 'issued', isBound: true, tokenValid: true, groupId });
    const unknown = await answer(await inventory.storefront('GET', '/v1/codes/NO-SUCH-CODE-ANYWHERE'));
    expect(unknown.status).toBe(404);
    expect(documentedSchemaCheck(document, '/v1/codes/{code}', 'get', 404, 'application/problem+json')(unknown.body)).toEqual([]);
  });
});
