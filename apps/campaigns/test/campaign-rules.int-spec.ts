import { aCartUpdated, aCustomerInactive, anOrderPlaced } from './builders/upstream-event.builder';
import { adminRequest, type RunningCampaigns } from './support/campaigns-test-env';
import type { ReceivedEmail } from './support/maildev-inbox';
import { playTimeline, startTimelineInstance, stopTimeline } from './support/scenario-run';
import { abandonedKeys, createReplayCampaigns, type ReplayCampaigns, retentionCustomers, testKafka } from './support/storefront-day.scenario';

/**
 * The abandoned-cart and retention rules of the streams README on hand-built events (60 min delay,
 * minimum 5000, 24 h cap; retention at 60 days, once per 30 days). Expected emails written by hand.
 */
describe('campaign rules', () => {
  const kafka = testKafka();
  let running: RunningCampaigns;
  let campaigns: ReplayCampaigns;
  let inbox: readonly ReceivedEmail[];

  beforeAll(async () => {
    const started = await startTimelineInstance();
    const env = started.env;
    running = started.running;
    campaigns = await createReplayCampaigns(running.baseUrl);
    const suppressed = await adminRequest(running.baseUrl, 'POST', '/v1/suppressions', { email: 'cu-k@example.test', customerId: 'cu-k' });
    expect(suppressed.status).toBe(201);

    const cartA = aCartUpdated('cart-a').forCustomer('cu-a').withLine(3000, 2).at('2026-03-01T10:20:00Z').build();
    inbox = await playTimeline({
      kafka,
      env,
      running,
      campaigns,
      expectedTotal: 6,
      records: [
        aCartUpdated('cart-a').forCustomer('cu-a').withLine(3000, 2).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-b').forCustomer('cu-b').withLine(3000, 2).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-c').forCustomer('cu-c').withLine(3000, 2).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-d').forCustomer('cu-d').withLine(3000, 2).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-f').forCustomer('cu-f').withLine(4999, 1).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-g').withLine(9000, 1).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-h').forCustomer('cu-h', { marketingConsent: false }).withLine(9000, 1).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-i').forCustomer('cu-i').withLine(9000, 1).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-k').forCustomer('cu-k').withLine(9000, 1).at('2026-03-01T10:00:00Z').build(),
        aCustomerInactive('cu-r1', '2026-03-01T10:00:00Z'),
        aCustomerInactive('cu-r2', '2026-03-01T10:00:00Z', { daysInactive: 59 }),
        aCustomerInactive('cu-r3', '2026-03-01T10:00:00Z', { marketingConsent: false }),
        aCartUpdated('cart-i').forCustomer('cu-i').emptied().at('2026-03-01T10:10:00Z').build(),
        cartA,
        cartA, // a redelivery: same CloudEvent id
        aCartUpdated('cart-j').forCustomer('cu-j').withLine(3000, 2).at('2026-03-01T10:30:00Z').build(),
        aCartUpdated('cart-j').forCustomer('cu-j').withLine(100, 1).at('2026-03-01T10:05:00Z').build(), // older snapshot, arrives later
        anOrderPlaced('order-b', 'cart-b', '2026-03-01T11:00:00Z', 6000), // exactly at the due time: suppresses
        anOrderPlaced('order-c', 'cart-c', '2026-03-01T11:00:01Z', 5400), // after the due time: does not
        aCartUpdated('cart-e').forCustomer('cu-d').withLine(7000, 1).at('2026-03-01T12:00:00Z').build(), // due 2 h after cart-d's email
        aCustomerInactive('cu-r1', '2026-03-11T10:00:00Z'), // 10 days later: same episode
        aCustomerInactive('cu-r1', '2026-03-31T10:00:00Z'), // 30 days later: a new offer
        aCartUpdated('cart-tick').withLine(100, 1).at('2026-04-15T00:00:00Z').build(), // moves event time past every due time
      ],
    });
  }, 120_000);

  afterAll(() => stopTimeline(running, campaigns), 60_000);

  it('emails each eligible cart once, 60 minutes after its latest snapshot, and no other', () => {
    expect(abandonedKeys(inbox, campaigns)).toEqual([
      'cart-a|cu-a|2026-03-01T11:20:00.000Z',
      'cart-c|cu-c|2026-03-01T11:00:00.000Z',
      'cart-d|cu-d|2026-03-01T11:00:00.000Z',
      'cart-j|cu-j|2026-03-01T11:30:00.000Z',
    ]);
  });

  it('sends a retention offer once per 30 days of detectedAt, only past 60 days and with consent', () => {
    expect(retentionCustomers(inbox, campaigns)).toEqual(['cu-r1', 'cu-r1']);
  });

  it('addresses the customer and links back to the cart through a signed tracked link', () => {
    const email = inbox.find((e) => e.cartId === 'cart-a');
    expect(email?.to).toBe('cu-a@example.test');
    expect(email?.subject).toBe('You left $60.00 in your cart');
    expect(email?.text).toContain('2 x Product 1 at $30.00');
    expect(email?.text).toMatch(/\/v1\/links\/ac%3A.*cart-a.*sig=/);
    expect(email?.text).toContain('/v1/unsubscribe?email=cu-a%40example.test&sig=');
  });

  it('lists what was sent and counts the cart recovered by a later order', async () => {
    const listed = await adminRequest(running.baseUrl, 'GET', `/v1/emails?kind=abandoned_cart&cartId=cart-c`);
    expect(listed.body).toMatchObject({ items: [{ kind: 'abandoned_cart', campaignId: campaigns.abandonedCartId, step: 1, customerId: 'cu-c', cartId: 'cart-c', dueAt: '2026-03-01T11:00:00.000Z', status: 'sent' }] });
    const stats = await adminRequest(running.baseUrl, 'GET', `/v1/statistics/campaigns/${campaigns.abandonedCartId}`);
    expect(stats.body).toEqual({ items: [{ campaignId: campaigns.abandonedCartId, step: 1, sent: 4, opened: 0, recoveredCarts: 1, recoveredOrders: 1, recoveredRevenueByCurrency: [{ currency: 'USD', amount: 5400 }] }] });
  });

  it('counts an opened link and unsubscribes through the signed link', async () => {
    const email = inbox.find((e) => e.cartId === 'cart-d');
    const link = email?.text.match(/https?:\/\/\S+\/v1\/links\/\S+/)?.[0];
    const unsubscribe = email?.text.match(/https?:\/\/\S+\/v1\/unsubscribe\?\S+/)?.[0];
    if (!link || !unsubscribe) throw new Error('the email has no tracked or unsubscribe link');
    const base = new URL(running.baseUrl);
    const followed = await fetch(Object.assign(new URL(link), { host: base.host }), { redirect: 'manual' });
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe('https://shop.example.test/cart/cart-d');
    const stats = await adminRequest(running.baseUrl, 'GET', `/v1/statistics/campaigns/${campaigns.abandonedCartId}`);
    expect(stats.body).toMatchObject({ items: [{ opened: 1 }] });

    const forged = await fetch(Object.assign(new URL(unsubscribe.replace(/sig=[^&\s]+/, 'sig=forged')), { host: base.host }));
    expect(forged.status).toBe(400);
    const unsubscribed = await fetch(Object.assign(new URL(unsubscribe), { host: base.host }), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);
    const list = await adminRequest(running.baseUrl, 'GET', '/v1/suppressions');
    expect(list.body).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ email: 'cu-d@example.test', reason: 'unsubscribed' })]) });
  });
});
