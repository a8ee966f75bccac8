import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { aGroupWithCodes } from './builders/code-group.builder';
import { ADMIN_KEY, type InventoryApp, startInventoryApp } from './support/inventory-app';

describe('export (C5)', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp();
  });

  afterAll(async () => {
    await inventory.close();
  });

  it('streams 100,000 codes as CSV with state and issuance, parsed back equal to the store', async () => {
    const { groupId, promotionId } = await aGroupWithCodes(inventory, 0);
    const job = (await (await inventory.admin('POST', `/v1/groups/${groupId}/generate`, { count: 100_000, length: 10, prefix: `X${uniqueSuffix().toUpperCase()}-` })).json()) as { id: string };
    await waitFor(async () => ((await (await inventory.admin('GET', `/v1/jobs/${job.id}`)).json()) as { state: string }).state === 'completed', { timeoutMs: 60_000 });
    const first = (await (await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-export', mode: 'first' })).json()) as { code: string };

    const response = await fetch(`${inventory.baseUrl}/v1/groups/${groupId}/export`, { headers: { 'x-api-key': ADMIN_KEY } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.shift()).toBe('code,normalized_code,promotion_id,group_id,state,hidden,issued_to,issued_at,bound_customer_id,redeemed_at');
    expect(lines).toHaveLength(100_000);

    const parsed = lines.map((line) => line.split(','));
    const { rows } = await inventory.sql.query<{ code: string }>(`SELECT code FROM codes WHERE group_id = $1 ORDER BY id`, [groupId]);
    expect(parsed.map((fields) => fields[0])).toEqual(rows.map((row) => row.code));
    const issuedLine = parsed.find((fields) => fields[0] === first.code);
    expect(issuedLine?.slice(1, 7)).toEqual([first.code.toLowerCase(), promotionId, groupId, 'issued', 'f', 'cu-export']);
    expect(Number.isNaN(Date.parse(issuedLine?.[7] ?? ''))).toBe(false);
    expect(parsed.filter((fields) => fields[4] === 'available')).toHaveLength(99_999);
  }, 90_000);

  it('answers 404 for a group that does not exist', async () => {
    const response = await fetch(`${inventory.baseUrl}/v1/groups/NOPE${uniqueSuffix()}/export`, { headers: { 'x-api-key': ADMIN_KEY } });
    expect(response.status).toBe(404);
  });
});
