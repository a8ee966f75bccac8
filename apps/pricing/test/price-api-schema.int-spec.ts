import { documentedSchemaCheck, type DocumentedSchemaCheck, fetchApiDocument, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { aCart } from './builders/cart.builder';
import { aCoupon, anAutomatic } from './builders/promotion.builder';
import { INVENTORY_CODE_LOOKUP, type InventoryProcess, startInventoryProcess } from './support/code-inventory-process';
import { type PricingApp, startPricingApp } from './support/pricing-app';

// #24: what POST /v1/carts/price answers is what its OpenAPI document says, checked with ajv against the schema the
// running service serves at /docs-json, for carts that reach every part of the answer.
describe('the price API answers as its OpenAPI document says', () => {
  let inventory: InventoryProcess;
  let pricing: PricingApp;
  let priced: DocumentedSchemaCheck;
  let refused: DocumentedSchemaCheck;
  const channel = `web-${uniqueSuffix()}`;
  const coupon = `SAVE5-${uniqueSuffix().toUpperCase()}`;

  beforeAll(async () => {
    inventory = await startInventoryProcess();
    pricing = await startPricingApp({ CODE_INVENTORY_URL: inventory.service.baseUrl, CODE_INVENTORY_API_KEY: INVENTORY_CODE_LOOKUP, CODE_INVENTORY_TIMEOUT_MS: '2000' });
    const document = await fetchApiDocument(pricing.baseUrl);
    priced = documentedSchemaCheck(document, '/v1/carts/price', 'post', 200);
    refused = documentedSchemaCheck(document, '/v1/carts/price', 'post', 400, 'application/problem+json');
    const promotions = [
      anAutomatic(`auto-10-${channel}`).withPercentOff(10).withChannel(channel).build(),
      anAutomatic(`auto-big-${channel}`).withChannel(channel).with({ priority: 2, rules: [{ conditions: { subtotalAtLeast: 1_000_000 }, reward: { type: 'orderPercent', percent: 50 } }] }).build(),
      aCoupon([coupon]).withAmountOff(500).withChannel(channel).build(),
    ];
    for (const promotion of promotions) expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    await waitFor(
      async () => {
        const response = await pricing.storefront('POST', '/v1/carts/price', aCart(channel).withLine(1000).withCodes(coupon).build());
        const body = (await response.json()) as { applied?: unknown };
        return Array.isArray(body.applied) && body.applied.length === 2;
      },
      { timeoutMs: 10_000, description: 'the three promotions indexed' },
    );
  }, 150_000);

  afterAll(async () => {
    await pricing.close();
    await inventory.stop();
  }, 40_000);

  const price = async (cart: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await pricing.storefront('POST', '/v1/carts/price', cart);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('an automatic promotion, and one whose condition is not met', async () => {
    const cart = aCart(channel).withLine(2500, 2).withLine(1000).build();
    const answer = await price(cart);
    expect(answer.status).toBe(200);
    expect(priced(answer.body)).toEqual([]);
    // By hand: 10% of 6000; the 50% one needs a subtotal of 1,000,000.
    expect(answer.body).toMatchObject({ subtotal: 6000, total: 5400, notApplied: { [`auto-big-${channel}`]: { reason: 'condition_not_met' } } });
  });

  it('a coupon applied and a code that is not one, with shipping', async () => {
    const cart = { ...aCart(channel).withLine(2000).forCustomer(`cu-${uniqueSuffix()}`).withCodes(coupon, 'NOT-A-CODE').build(), shipping: { country: 'US', zone: null, method: 'standard', amount: 700 } };
    const answer = await price(cart);
    expect(answer.status).toBe(200);
    expect(priced(answer.body)).toEqual([]);
    // By hand: 2000 − 200 (10%) − 500 (coupon) + 700 shipping.
    expect(answer.body).toMatchObject({ total: 2000, shipping: { amount: 700, discount: 0, total: 700 }, codes: { [coupon]: { status: 'applied' }, 'NOT-A-CODE': { status: 'rejected' } } });
  });

  it('a list of shipping methods and a cart no promotion targets', async () => {
    const cart = {
      ...aCart(`elsewhere-${uniqueSuffix()}`).withLine(300, 3).build(),
      shipping: [
        { methodId: 'm1', zone: 'domestic', method: 'standard', amount: 400 },
        { methodId: 'm2', zone: 'domestic', method: 'express', amount: 900 },
      ],
    };
    const answer = await price(cart);
    expect(answer.status).toBe(200);
    expect(priced(answer.body)).toEqual([]);
    expect(answer.body).toMatchObject({ subtotal: 900, total: 2200, shippingMethods: [{ methodId: 'm1', total: 400 }, { methodId: 'm2', total: 900 }] });
  });

  it('a refused cart: problem+json with every invalid field, as documented for 400', async () => {
    const answer = await price({ ...aCart(channel).withLine(-1).build(), currency: 'XXX' });
    expect(answer.status).toBe(400);
    expect(refused(answer.body)).toEqual([]);
  });

  it('the documented schema is not vacuous: an answer without its total does not conform', async () => {
    const { body } = await price(aCart(channel).withLine(100).build());
    const { total: _total, ...withoutTotal } = body;
    expect(priced(withoutTotal).map((error) => error.params)).toEqual([{ missingProperty: 'total' }]);
  });
});
