import { uniqueSuffix } from '@promo/platform/testing';
import { aCoupon } from './builders/promotion.builder';
import { INVENTORY_CODE_LOOKUP, type InventoryProcess, startInventoryProcess } from './support/code-inventory-process';
import { type PricingApp, startPricingApp } from './support/pricing-app';

/**
 * #19.4 (C2): one authority for the store's codes. Pricing registers a coupon's shared codes with code-inventory
 * before it saves the promotion; a conflict comes back as a 409 naming who holds the code.
 */
describe('shared codes and group codes share one store (C2), running for real', () => {
  let inventory: InventoryProcess;
  let pricing: PricingApp;
  let isolated: PricingApp;

  beforeAll(async () => {
    inventory = await startInventoryProcess();
    pricing = await startPricingApp({ CODE_INVENTORY_URL: inventory.service.baseUrl, CODE_INVENTORY_API_KEY: INVENTORY_CODE_LOOKUP, CODE_INVENTORY_TIMEOUT_MS: '2000' });
    // code-inventory is not reachable from this one (CODE_INVENTORY_URL points at a closed port).
    isolated = await startPricingApp();
  }, 150_000);

  afterAll(async () => {
    await isolated.close();
    await pricing.close();
    await inventory.stop();
  }, 40_000);

  const aGroup = async (codes: string[]): Promise<{ groupId: string; promotionId: string }> => {
    const s = uniqueSuffix().toUpperCase();
    const groupId = `G${s}`;
    const promotionId = `promo-bulk-${s.toLowerCase()}`;
    expect((await inventory.admin('POST', '/v1/groups', { groupId, name: 'Bulk', promotionId })).status).toBe(201);
    if (codes.length > 0) expect((await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes })).status).toBe(200);
    return { groupId, promotionId };
  };

  it('refuses a shared code a code-inventory group holds, with a 409 naming the group, and saves nothing', async () => {
    const code = `SUMMER-${uniqueSuffix().toUpperCase()}`;
    const group = await aGroup([code]);
    const promotion = aCoupon([code.toLowerCase()]).withAmountOff(500).build();

    const response = await pricing.admin('POST', '/v1/promotions', promotion);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ status: 409, detail: `codes already used elsewhere in the store: ${code} (group ${group.groupId} of promotion ${group.promotionId})` });
    expect((await pricing.admin('GET', `/v1/promotions/${String(promotion['id'])}`)).status).toBe(404);
  });

  it("registers a saved promotion's shared code, so a group upload of it is refused naming the promotion", async () => {
    const code = `WELCOME-${uniqueSuffix().toUpperCase()}`;
    const promotion = aCoupon([code]).withAmountOff(500).build();
    expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    const { groupId } = await aGroup([]);

    const upload = await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes: [code.toLowerCase()] });
    expect(upload.status).toBe(409);
    expect(await upload.json()).toMatchObject({ imported: 0, duplicates: [{ code: code.toLowerCase(), conflict: { source: 'store', promotionId: promotion['id'], groupId: null } }] });
  });

  it('refuses to save a shared code while code-inventory cannot say whether it is free, and saves nothing', async () => {
    const promotion = aCoupon([`OFFLINE-${uniqueSuffix().toUpperCase()}`]).withAmountOff(500).build();
    const response = await isolated.admin('POST', '/v1/promotions', promotion);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 503, type: '/problems/code-registry-unavailable' });
    expect((await isolated.admin('GET', `/v1/promotions/${String(promotion['id'])}`)).status).toBe(404);
  });
});
