import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { aCart } from './builders/cart.builder';
import { aCoupon } from './builders/promotion.builder';
import { INVENTORY_CODE_LOOKUP, type InventoryProcess, startInventoryProcess } from './support/code-inventory-process';
import { type PricingApp, startPricingApp } from './support/pricing-app';

interface CodeOutcome {
  status: string;
  reason?: string;
  detail?: string;
  promotionId?: string;
}

describe('bulk and email-bound codes through code-inventory, running for real (C8, C10, P10)', () => {
  let inventory: InventoryProcess;
  let pricing: PricingApp;

  beforeAll(async () => {
    inventory = await startInventoryProcess();
    pricing = await startPricingApp({ CODE_INVENTORY_URL: inventory.service.baseUrl, CODE_INVENTORY_API_KEY: INVENTORY_CODE_LOOKUP, CODE_INVENTORY_TIMEOUT_MS: '2000' });
  }, 150_000);

  afterAll(async () => {
    await pricing.close();
    await inventory.stop();
  }, 40_000);

  const inventoryAdmin = (path: string, body: unknown): Promise<Response> => inventory.admin('POST', path, body);

  const outcomeOf = async (cart: Record<string, unknown>, code: string): Promise<{ total: number; outcome: CodeOutcome | undefined }> => {
    const response = await pricing.storefront('POST', '/v1/carts/price', cart);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; codes: Record<string, CodeOutcome> };
    return { total: body.total, outcome: body.codes[code] };
  };

  /** A coupon promotion whose codes all live in a code-inventory group. */
  const bulkPromotion = async (channel: string): Promise<{ promotionId: string; groupId: string }> => {
    const promotion = aCoupon([]).withChannel(channel).withPercentOff(15).build();
    const promotionId = String(promotion['id']);
    expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    const groupId = `G${uniqueSuffix().toUpperCase()}`;
    expect((await inventoryAdmin('/v1/groups', { groupId, name: 'Win-back', promotionId })).status).toBe(201);
    return { promotionId, groupId };
  };

  it('applies a bulk code the index does not hold, resolved through code-inventory; an unknown one is refused', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const { promotionId, groupId } = await bulkPromotion(channel);
    const code = `B${uniqueSuffix().toUpperCase()}-0001`;
    expect((await inventoryAdmin(`/v1/groups/${groupId}/codes`, { codes: [code] })).status).toBe(200);

    const typed = ` ${code.toLowerCase()} `;
    // $40.00 − 15% = $34.00.
    const applied = await waitFor(async () => {
      const result = await outcomeOf(aCart(channel).withLine(4000).withCodes(typed).build(), typed);
      return result.outcome?.status === 'applied' ? result : undefined;
    }, { timeoutMs: 15_000, description: 'the bulk promotion is in the index' });
    expect(applied).toEqual({ total: 3400, outcome: expect.objectContaining({ status: 'applied', promotionId, discount: 600 }) });

    const unknown = `NOPE-${uniqueSuffix().toUpperCase()}`;
    expect((await outcomeOf(aCart(channel).withLine(4000).withCodes(unknown).build(), unknown)).outcome).toMatchObject({ status: 'rejected', reason: 'unknown' });
  });

  it('applies an email-bound code only with a good token for that customer', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const { groupId } = await bulkPromotion(channel);
    expect((await inventoryAdmin(`/v1/groups/${groupId}/codes`, { codes: [`E${uniqueSuffix().toUpperCase()}-0001`] })).status).toBe(200);
    const issued = await inventoryAdmin(`/v1/groups/${groupId}/issue`, { customerId: 'cu-1', mode: 'first', bindToCustomer: true });
    expect(issued.status).toBe(200);
    const { code, token } = (await issued.json()) as { code: string; token: string };
    expect(token.length).toBeGreaterThan(10);
    const cartOf = (customerId: string, withToken: string | null): Record<string, unknown> => {
      const cart = aCart(channel).withLine(2000).forCustomer(customerId).withCodes(code);
      return (withToken === null ? cart : cart.withToken(withToken)).build();
    };

    // $20.00 − 15% = $17.00.
    const good = await waitFor(async () => {
      const result = await outcomeOf(cartOf('cu-1', token), code);
      return result.outcome?.status === 'applied' ? result : undefined;
    }, { timeoutMs: 15_000, description: 'the bound code applies with its token' });
    expect(good.total).toBe(1700);

    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await outcomeOf(cartOf('cu-1', forged), code)).outcome).toMatchObject({ status: 'rejected', reason: 'customer_not_eligible', detail: 'token_invalid' });
    expect((await outcomeOf(cartOf('cu-2', token), code)).outcome).toMatchObject({ status: 'rejected', reason: 'customer_not_eligible', detail: 'token_invalid' });
    expect((await outcomeOf(cartOf('cu-1', null), code)).outcome).toMatchObject({ status: 'rejected', reason: 'customer_not_eligible', detail: 'token_missing' });
  });

  it('forgets a cached lookup when code-inventory says the code changed', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const { groupId } = await bulkPromotion(channel);
    const code = `K${uniqueSuffix().toUpperCase()}-0001`;
    expect((await inventoryAdmin(`/v1/groups/${groupId}/codes`, { codes: [code] })).status).toBe(200);
    const cart = aCart(channel).withLine(2000).forCustomer('cu-1').withCodes(code).build();
    await waitFor(async () => (await outcomeOf(cart, code)).outcome?.status === 'applied', { timeoutMs: 15_000, description: 'the free code applies (and is cached)' });

    // The group's only code now goes to cu-9, bound to them: code-inventory publishes code-changed.
    expect((await inventoryAdmin(`/v1/groups/${groupId}/issue`, { customerId: 'cu-9', mode: 'first', bindToCustomer: true })).status).toBe(200);
    const refused = await waitFor(async () => {
      const { outcome } = await outcomeOf(cart, code);
      return outcome?.status === 'rejected' ? outcome : undefined;
    }, { timeoutMs: 30_000, description: 'the cached lookup is dropped on code-changed' });
    expect(refused).toMatchObject({ reason: 'customer_not_eligible', detail: 'token_missing' });
  });

  it('keeps resolving bulk codes after one request made code-inventory answer 4xx to five lookups (#19 hole 3)', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const { groupId } = await bulkPromotion(channel);
    const code = `H${uniqueSuffix().toUpperCase()}-0001`;
    expect((await inventoryAdmin(`/v1/groups/${groupId}/codes`, { codes: [code] })).status).toBe(200);
    await waitFor(async () => (await outcomeOf(aCart(channel).withLine(4000).forCustomer('cu-before').withCodes(code).build(), code)).outcome?.status === 'applied', {
      timeoutMs: 15_000,
      description: 'the bulk promotion is in the index',
    });

    // Five unknown codes with a customer id code-inventory refuses (over 200 characters): five 400 answers.
    const unknowns = [1, 2, 3, 4, 5].map((n) => `U${uniqueSuffix().toUpperCase()}-${n}`);
    const hostile = await pricing.storefront('POST', '/v1/carts/price', aCart(channel).withLine(4000).forCustomer('c'.repeat(201)).withCodes(...unknowns).build());
    expect(hostile.status).toBe(200);

    // Straight after, for another customer (not cached): the breaker is still closed. $40.00 − 15% = $34.00.
    expect(await outcomeOf(aCart(channel).withLine(4000).forCustomer('cu-after').withCodes(code).build(), code)).toEqual({
      total: 3400,
      outcome: expect.objectContaining({ status: 'applied' }),
    });
  });
});
