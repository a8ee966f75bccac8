import { createKafka, derivedEventId } from '@promo/messaging';
import { collectRecords } from '@promo/messaging/testing';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { type Admin, type Consumer, type EachMessagePayload, type Kafka, Partitioners, type Producer } from 'kafkajs';
import { aCart } from './builders/cart.builder';
import { aCoupon, anAutomatic } from './builders/promotion.builder';
import { INVENTORY_CODE_LOOKUP, type InventoryProcess, startInventoryProcess } from './support/code-inventory-process';
import { publishEvent } from './support/kafka-events';
import { type PricingApp, startPricingApp } from './support/pricing-app';

describe('cart.updated -> pricing.cart-priced, and usage from redemption events', () => {
  let inventory: InventoryProcess;
  let pricing: PricingApp;
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  const consumers: Consumer[] = [];
  /** Every record on pricing.cart-priced since the suite started (the topic is shared: filtered by cart). */
  let cartPriced: EachMessagePayload[];

  beforeAll(async () => {
    // A coupon's shared codes are registered with code-inventory before pricing saves it (C2, #19.4).
    inventory = await startInventoryProcess();
    pricing = await startPricingApp({ CODE_INVENTORY_URL: inventory.service.baseUrl, CODE_INVENTORY_API_KEY: INVENTORY_CODE_LOOKUP, CODE_INVENTORY_TIMEOUT_MS: '2000' });
    kafka = createKafka({ clientId: `pricing-test-${uniqueSuffix()}`, brokers: pricing.config.KAFKA_BROKERS });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    const collector = await collectRecords(kafka, 'pricing.cart-priced');
    consumers.push(collector.consumer);
    cartPriced = collector.records;
  }, 150_000);

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await Promise.all([producer.disconnect(), admin.disconnect()]);
    await pricing.close();
    await inventory.stop();
  }, 40_000);

  const topic = (name: string): string => `${pricing.config.KAFKA_TOPIC_PREFIX}${name}`;

  /** How pricing answers one entered code (as entered) on a cart. */
  const codeOutcome = async (cart: Record<string, unknown>, code: string): Promise<{ status: string; reason?: string; discount?: number }> => {
    const response = await pricing.storefront('POST', '/v1/carts/price', cart);
    const body = (await response.json()) as { codes: Record<string, { status: string; reason?: string; discount?: number }> };
    return body.codes[code] ?? { status: 'missing' };
  };

  /** The cart-priced events published for one cart, in the order of its partition. */
  const cartPricedOf = (cartId: string): { id: string; source: string; data: { sourceEventId: string; total: number; indexVersion: number } }[] =>
    cartPriced.filter((r) => r.message.key?.toString() === cartId).map((r) => JSON.parse(r.message.value?.toString() ?? '{}'));

  it('publishes a cart-priced per cart.updated straight to Kafka, keyed by cart, its id derived from the input so a redelivery repeats it', async () => {
    const channel = `web-${uniqueSuffix()}`;
    expect((await pricing.admin('POST', '/v1/promotions', anAutomatic().withChannel(channel).withPercentOff(10).build())).status).toBe(201);
    const cart: Record<string, unknown> = { ...aCart(channel).withLine(1000, 2).build(), updatedAt: '2026-06-01T12:00:00Z' };
    const cartId = String(cart['cartId']);
    await waitFor(async () => {
      const response = await pricing.storefront('POST', '/v1/carts/price', cart);
      return ((await response.json()) as { total: number }).total === 1800;
    }, { timeoutMs: 15_000, description: 'the promotion is in the index' });

    const first = await publishEvent(producer, topic('cart.updated'), 'cart.updated', cartId, cart);
    await publishEvent(producer, topic('cart.updated'), 'cart.updated', cartId, cart, first); // redelivered
    const second = await publishEvent(producer, topic('cart.updated'), 'cart.updated', cartId, { ...cart, updatedAt: '2026-06-01T12:01:00Z' });

    const published = await waitFor(() => {
      const found = cartPricedOf(cartId);
      return found.length >= 3 ? found : undefined;
    }, { timeoutMs: 30_000, description: 'three cart-priced events published' });
    // 2 × $10.00 − 10% each time; the redelivered input is priced again under the same output id.
    expect(published.map((event) => [event.data.sourceEventId, event.data.total])).toEqual([
      [first, 1800],
      [first, 1800],
      [second, 1800],
    ]);
    const group = pricing.config.PRICING_CONSUMER_GROUP;
    expect(published.map((event) => event.id)).toEqual([first, first, second].map((input) => derivedEventId(group, input, 'pricing.cart-priced', 0)));
    expect(new Set(published.map((event) => event.source))).toEqual(new Set(['promotions/pricing']));
    // Nothing in Postgres: no processed-event row and no outbox row for a priced cart.
    const stored = await pricing.sql.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_messages WHERE topic = 'pricing.cart-priced' AND key = $1`, [cartId]);
    expect(Number(stored.rows[0]?.n)).toBe(0);
  });

  it('sends a cart.updated it cannot price to the dead-letter topic and prices nothing', async () => {
    const deadLetters = `${topic('cart.updated')}.${pricing.config.PRICING_CONSUMER_GROUP}.dlq`;
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: deadLetters, numPartitions: 1 }] });
    const { records, consumer } = await collectRecords(kafka, deadLetters);
    consumers.push(consumer);
    const cartId = `cart-${uniqueSuffix()}`;
    const cart = { ...aCart('web', cartId).withLine(1000).inCurrency('XYZ').build(), updatedAt: '2026-06-01T12:00:00Z' };
    const id = await publishEvent(producer, topic('cart.updated'), 'cart.updated', cartId, cart);
    await waitFor(() => records.some((r) => r.message.value?.toString().includes(id)), { timeoutMs: 30_000, description: 'the record reached the DLQ' });
    expect(cartPricedOf(cartId)).toEqual([]);
  });

  it('refuses a code once the customer and then the store have used it up, and allows it again after a reversal', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const code = `ONCE-${uniqueSuffix()}`.toUpperCase();
    const promotion = aCoupon([code]).withChannel(channel).withAmountOff(300).with({ limits: { totalUses: 2, usesPerCustomer: 1 } }).build();
    const promotionId = String(promotion['id']);
    expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    const outcome = (customerId: string) => codeOutcome(aCart(channel).withLine(1000).forCustomer(customerId).withCodes(code.toLowerCase()).build(), code.toLowerCase());
    await waitFor(async () => (await outcome('cu-1')).status === 'applied', { timeoutMs: 15_000, description: 'the coupon is in the index' });

    const redemption = (customerId: string, orderId: string) => ({
      orderId, promotionId, code, customerId, units: 1, discountAmount: 300, currency: 'USD', orderTotal: 700, recordedAt: '2026-06-01T12:00:00Z',
    });
    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, redemption('cu-1', 'o-1'));
    await waitFor(async () => (await outcome('cu-1')).reason === 'already_used_by_customer', { timeoutMs: 30_000, description: 'cu-1 has used it' });
    expect(await outcome('cu-2')).toMatchObject({ status: 'applied' });

    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, redemption('cu-3', 'o-3'));
    await waitFor(async () => (await outcome('cu-2')).reason === 'limit_reached', { timeoutMs: 30_000, description: 'two uses of two' });

    await publishEvent(producer, topic('redemption.reversed'), 'redemption.reversed', promotionId, { orderId: 'o-3', promotionId, code, customerId: 'cu-3', units: 1, reversedAt: '2026-06-01T13:00:00Z' });
    await waitFor(async () => (await outcome('cu-2')).status === 'applied', { timeoutMs: 30_000, description: 'the reversal frees a use' });
  });

  it('counts a customer’s orders, not the items discounted, against a per-item coupon’s per-customer limit, as the ledger does (#19.5)', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const code = `PAIRS-${uniqueSuffix()}`.toUpperCase();
    const promotion = aCoupon([code]).withChannel(channel).withAmountOff(300).with({ limits: { usesPerCustomer: 2, consumeUnit: 'item' } }).build();
    const promotionId = String(promotion['id']);
    expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    const outcome = (customerId: string) => codeOutcome(aCart(channel).withLine(1000, 2).forCustomer(customerId).withCodes(code).build(), code);
    await waitFor(async () => (await outcome('cu-1')).status === 'applied', { timeoutMs: 15_000, description: 'the coupon is in the index' });
    const customerUses = async (): Promise<number | undefined> =>
      (await pricing.sql.query<{ uses: string }>(`SELECT uses FROM customer_usage WHERE promotion_id = $1 AND customer_id = 'cu-1'`, [promotionId])).rows.map((row) => Number(row.uses))[0];
    const redemption = (orderId: string, units: number) => ({
      orderId, promotionId, code, customerId: 'cu-1', units, discountAmount: 300 * units, currency: 'USD', orderTotal: 2000 - 300 * units, recordedAt: '2026-06-01T12:00:00Z',
    });

    // One order of two discounted items: one of the customer's two uses.
    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, redemption('o-p1', 2));
    await waitFor(async () => (await customerUses()) !== undefined, { timeoutMs: 30_000, description: 'the first redemption projected' });
    expect(await outcome('cu-1')).toMatchObject({ status: 'applied' });
    expect(await customerUses()).toBe(1);

    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, redemption('o-p2', 3));
    await waitFor(async () => (await outcome('cu-1')).reason === 'already_used_by_customer', { timeoutMs: 30_000, description: 'two orders of two' });
    expect(await customerUses()).toBe(2);
  });

  it('stops an automatic promotion for a customer who used it up, then for everyone once its total is spent, and brings it back after a reversal', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const promotion = anAutomatic().withChannel(channel).withPercentOff(10).with({ limits: { totalUses: 2, usesPerCustomer: 1 } }).build();
    const promotionId = String(promotion['id']);
    expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    // A 1000-cent line at 10% off: 100 off while the promotion applies; otherwise the reason it did not.
    const priced = async (customerId: string): Promise<{ discount: number; reason?: string }> => {
      const response = await pricing.storefront('POST', '/v1/carts/price', aCart(channel).withLine(1000).forCustomer(customerId).build());
      const body = (await response.json()) as { discounts: Record<string, number>; notApplied: Record<string, { reason: string }> };
      return { discount: body.discounts[promotionId] ?? 0, ...(body.notApplied[promotionId] ? { reason: body.notApplied[promotionId].reason } : {}) };
    };
    await waitFor(async () => (await priced('cu-1')).discount === 100, { timeoutMs: 15_000, description: 'the promotion is in the index' });

    const redemption = (customerId: string, orderId: string) => ({
      orderId, promotionId, code: null, customerId, units: 1, discountAmount: 100, currency: 'USD', orderTotal: 900, recordedAt: '2026-06-01T12:00:00Z',
    });
    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, redemption('cu-1', 'o-a1'));
    await waitFor(async () => (await priced('cu-1')).reason === 'already_used_by_customer', { timeoutMs: 30_000, description: 'cu-1 has used it' });
    expect(await priced('cu-1')).toEqual({ discount: 0, reason: 'already_used_by_customer' });
    expect(await priced('cu-2')).toEqual({ discount: 100 });

    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, redemption('cu-3', 'o-a3'));
    await waitFor(async () => (await priced('cu-2')).reason === 'limit_reached', { timeoutMs: 30_000, description: 'two uses of two' });
    expect(await priced('cu-4')).toEqual({ discount: 0, reason: 'limit_reached' });

    await publishEvent(producer, topic('redemption.reversed'), 'redemption.reversed', promotionId, { orderId: 'o-a3', promotionId, code: null, customerId: 'cu-3', units: 1, reversedAt: '2026-06-01T13:00:00Z' });
    await waitFor(async () => (await priced('cu-2')).discount === 100, { timeoutMs: 30_000, description: 'the reversal frees a use' });
    expect(await priced('cu-1')).toEqual({ discount: 0, reason: 'already_used_by_customer' });
  });

  it('caps an automatic promotion at what is left of its budget and stops it at 0 with budget_exhausted (#23, rule 19)', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const promotion = anAutomatic().withChannel(channel).withPercentOff(10).with({ limits: { budget: 250 } }).build();
    const promotionId = String(promotion['id']);
    expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    // A 1000-cent line at 10% off: 100 off while the budget allows it.
    const priced = async (): Promise<{ discount: number; reason?: string }> => {
      const response = await pricing.storefront('POST', '/v1/carts/price', aCart(channel).withLine(1000).build());
      const body = (await response.json()) as { discounts: Record<string, number>; notApplied: Record<string, { reason: string }> };
      return { discount: body.discounts[promotionId] ?? 0, ...(body.notApplied[promotionId] ? { reason: body.notApplied[promotionId].reason } : {}) };
    };
    await waitFor(async () => (await priced()).discount === 100, { timeoutMs: 15_000, description: 'the promotion is in the index' });
    const recorded = (orderId: string, discountAmount: number) => ({
      orderId, promotionId, code: null, customerId: null, units: 1, discountAmount, currency: 'USD', orderTotal: 1000 - discountAmount, recordedAt: '2026-06-01T12:00:00Z',
    });

    // 250 - 100 - 100 = 50 left: the next cart gets 50, not 100.
    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, recorded('o-b1', 100));
    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, recorded('o-b2', 100));
    await waitFor(async () => (await priced()).discount === 50, { timeoutMs: 30_000, description: '50 of the budget left' });

    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, recorded('o-b3', 50));
    await waitFor(async () => (await priced()).reason === 'budget_exhausted', { timeoutMs: 30_000, description: 'the budget is spent' });
    expect(await priced()).toEqual({ discount: 0, reason: 'budget_exhausted' });

    // A cancelled order gives its 100 back to the budget.
    await publishEvent(producer, topic('redemption.reversed'), 'redemption.reversed', promotionId, { orderId: 'o-b1', promotionId, code: null, customerId: null, units: 1, discountAmount: 100, reversedAt: '2026-06-01T13:00:00Z' });
    await waitFor(async () => (await priced()).discount === 100, { timeoutMs: 30_000, description: 'the reversal gives 100 back' });
  });

  it('caps a coupon at what is left of its budget and refuses it at 0 with budget_exhausted (#23, rule 19)', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const code = `BUDGET-${uniqueSuffix()}`.toUpperCase();
    const promotion = aCoupon([code]).withChannel(channel).withAmountOff(300).with({ limits: { budget: 500, usesPerCustomer: 10 } }).build();
    const promotionId = String(promotion['id']);
    expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    const outcome = () => codeOutcome(aCart(channel).withLine(1000).withCodes(code).build(), code);
    await waitFor(async () => (await outcome()).status === 'applied', { timeoutMs: 15_000, description: 'the coupon is in the index' });
    expect(await outcome()).toMatchObject({ status: 'applied', discount: 300 });
    const recorded = (orderId: string) => ({
      orderId, promotionId, code, customerId: null, units: 1, discountAmount: 300, currency: 'USD', orderTotal: 700, recordedAt: '2026-06-01T12:00:00Z',
    });

    // 500 - 300 = 200 left: a capped code is still applied (rule 21).
    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, recorded('o-c1'));
    await waitFor(async () => (await outcome()).discount === 200, { timeoutMs: 30_000, description: '200 of the budget left' });
    expect(await outcome()).toMatchObject({ status: 'applied', discount: 200 });

    await publishEvent(producer, topic('redemption.recorded'), 'redemption.recorded', promotionId, recorded('o-c2'));
    await waitFor(async () => (await outcome()).reason === 'budget_exhausted', { timeoutMs: 30_000, description: 'the budget is spent' });
    expect(await outcome()).toMatchObject({ status: 'rejected', reason: 'budget_exhausted' });
  });
});
