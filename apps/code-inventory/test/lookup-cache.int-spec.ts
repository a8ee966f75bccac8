import { waitFor } from '@promo/platform/testing';
import { aGroupWithCodes } from './builders/code-group.builder';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

/** #7: the lookup is answered from memory, so every write path must reach it, including writes by another process. */
describe('code lookup cache (C2, C9)', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp();
  });

  afterAll(async () => {
    await inventory.close();
  });

  const lookup = async (code: string): Promise<{ status: number; state?: string; isBound?: boolean }> => {
    const response = await inventory.storefront('GET', `/v1/codes/${code}`);
    return { status: response.status, ...((await response.json()) as { state?: string; isBound?: boolean }) };
  };

  it('sees a code redeemed by another process as soon as its commit is announced', async () => {
    const { codes } = await aGroupWithCodes(inventory, 1);
    const code = codes[0] ?? '';
    expect(await lookup(code)).toMatchObject({ status: 200, state: 'available' });
    expect(await lookup(code)).toMatchObject({ status: 200, state: 'available' });

    // Another replica's write: straight to the table, through no code of this process.
    await inventory.sql.query(`UPDATE codes SET state = 'redeemed', redeemed_at = now() WHERE lower(code) = lower($1)`, [code]);
    await waitFor(async () => (await lookup(code)).state === 'redeemed', { timeoutMs: 2_000, description: 'the redeemed state' });
  });

  it('sees a code issued and bound to its customer', async () => {
    const { groupId, codes } = await aGroupWithCodes(inventory, 1);
    const code = codes[0] ?? '';
    expect(await lookup(code)).toMatchObject({ state: 'available', isBound: false });
    const issued = await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-cache', mode: 'first', bindToCustomer: true });
    expect(issued.status).toBe(200);
    await waitFor(async () => (await lookup(code)).isBound === true, { timeoutMs: 2_000, description: 'the issued, bound state' });
    expect(await lookup(code)).toMatchObject({ state: 'issued', isBound: true });
  });

  it('forgets the codes of a deleted group', async () => {
    const { groupId, codes } = await aGroupWithCodes(inventory, 2);
    const code = codes[1] ?? '';
    expect((await lookup(code)).status).toBe(200);
    expect((await inventory.admin('DELETE', `/v1/groups/${groupId}`)).status).toBe(200);
    await waitFor(async () => (await lookup(code)).status === 404, { timeoutMs: 2_000, description: 'the deleted code to be gone' });
  });

  it('applies a promotion change to the codes it had cached (C9)', async () => {
    const { promotionId, codes } = await aGroupWithCodes(inventory, 1);
    const code = codes[0] ?? '';
    expect(await lookup(code)).toMatchObject({ state: 'available' });
    await inventory.sql.query(
      `INSERT INTO promotions (promotion_id, version, is_enabled, is_deleted, starts_at, ends_at, changed_at) VALUES ($1, 1, false, false, NULL, NULL, now())`,
      [promotionId],
    );
    await waitFor(async () => (await lookup(code)).state === 'disabled', { timeoutMs: 2_000, description: 'the disabled promotion to disable its code' });
  });
});
