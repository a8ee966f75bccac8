import { uniqueSuffix } from '@promo/platform/testing';
import { aGroupWithCodes } from './builders/code-group.builder';
import { ADMIN_KEY, type InventoryApp, startInventoryApp } from './support/inventory-app';

/** #19: what code-inventory takes in and gives out at its edges. */
describe('code-inventory edge hardening (#19)', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp();
  });

  afterAll(async () => {
    await inventory.close();
  });

  const fieldsRefused = async (response: Response): Promise<{ status: number; fields: string[] }> => {
    const body = (await response.json()) as { errors?: { field: string }[] };
    return { status: response.status, fields: (body.errors ?? []).map((error) => error.field) };
  };

  it.each(['promo}:x', 'p{1}', 'a:b', 'with space'])('refuses the promotion id %j for a group and a shared code, since ids name Redis keys', async (promotionId) => {
    const group = await inventory.admin('POST', '/v1/groups', { groupId: `G${uniqueSuffix().toUpperCase()}`, name: 'Win-back', promotionId });
    expect(await fieldsRefused(group)).toEqual({ status: 400, fields: ['promotionId'] });
    const shared = await inventory.admin('POST', '/v1/codes', { code: `S${uniqueSuffix().toUpperCase()}`, promotionId });
    expect(await fieldsRefused(shared)).toEqual({ status: 400, fields: ['promotionId'] });
  });

  it('never tells the storefront whom a code is bound to, only that it is bound', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 1);
    const issued = await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-private-7', mode: 'first', bindToCustomer: true });
    const { code } = (await issued.json()) as { code: string };
    const response = await inventory.storefront('GET', `/v1/codes/${encodeURIComponent(code)}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('cu-private-7');
    expect(JSON.parse(text)).toMatchObject({ state: 'issued', isBound: true, tokenValid: null });
  });

  it('exports cells that a spreadsheet would run as formulas as text, with a leading apostrophe', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 5);
    const customers = ['=HYPERLINK("http://evil.example","x")', '+1+cmd', '-2+3', '@SUM(A1)', 'cu-plain'];
    for (const customerId of customers) {
      const issued = await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId, mode: 'first', bindToCustomer: true });
      expect(issued.status).toBe(200);
    }
    const response = await fetch(`${inventory.baseUrl}/v1/groups/${groupId}/export`, { headers: { 'x-api-key': ADMIN_KEY } });
    expect(response.status).toBe(200);
    const text = await response.text();
    // issued_to and bound_customer_id of each row (Postgres quotes a field holding a quote or comma, doubling quotes).
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    for (const escaped of [`,'+1+cmd,`, `,'-2+3,`, `,'@SUM(A1),`, `,cu-plain,`]) {
      expect(text.split(escaped)).toHaveLength(3);
    }
    expect(text).not.toMatch(/(^|,)"?[=+\-@]/m);
  });
});
