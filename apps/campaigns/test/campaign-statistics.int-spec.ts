import { uniqueSuffix } from '@promo/platform/testing';
import { aCartUpdated, aCustomerInactive, anOrderPlaced } from './builders/upstream-event.builder';
import { adminRequest, type RunningCampaigns } from './support/campaigns-test-env';
import type { ReceivedEmail } from './support/maildev-inbox';
import { createRetentionCampaign, playTimeline, startTimelineInstance, stopTimeline } from './support/scenario-run';
import { type ReplayCampaigns, testKafka } from './support/storefront-day.scenario';

/**
 * K5 statistics (#19.8) on hand-built events: a two-step abandoned-cart campaign (60 and 180 minutes,
 * no minimum, no cap) and a retention campaign; carts and orders in USD, JPY and EUR. Every expected
 * figure below is written by hand from the timeline:
 *
 * - cart-usd (cu-usd, $50.00) gets step 1 (due 11:00) and step 2 (due 13:00); its order at 14:00 follows
 *   both emails and belongs to the last one before it: step 2.
 * - cart-jpy (cu-jpy, ¥1,234) gets step 1 (due 11:00); its order at 12:00 stops step 2 (due 13:00), so
 *   the order belongs to step 1.
 * - cu-ret gets a retention email (due 10:00) and orders cart-ret (€25.00) at 15:00: retention step 1.
 */
describe('campaign statistics', () => {
  const kafka = testKafka();
  let running: RunningCampaigns;
  let campaigns: ReplayCampaigns;
  let inbox: readonly ReceivedEmail[];

  beforeAll(async () => {
    const started = await startTimelineInstance();
    const env = started.env;
    running = started.running;
    const suffix = uniqueSuffix();
    campaigns = { abandonedCartId: `ac-stats-${suffix}`, retentionId: `rt-stats-${suffix}` };
    const template = { subject: 'You left {{cart.total}} in your cart', text: '{{cart.lines}}\nUnsubscribe: {{unsubscribeUrl}}' };
    const abandoned = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', {
      campaignId: campaigns.abandonedCartId,
      name: 'Two steps',
      kind: 'abandoned_cart',
      minimumCartValue: 0,
      frequencyCapHours: 0,
      steps: [
        { delayMinutes: 60, template },
        { delayMinutes: 180, template },
      ],
    });
    expect(abandoned.status).toBe(201);
    await createRetentionCampaign(running.baseUrl, campaigns.retentionId);

    inbox = await playTimeline({
      kafka,
      env,
      running,
      campaigns,
      expectedTotal: 4,
      records: [
        aCartUpdated('cart-usd').forCustomer('cu-usd').withLine(5000, 1).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-jpy').forCustomer('cu-jpy').inCurrency('JPY').withLine(1234, 1).at('2026-03-01T10:00:00Z').build(),
        aCustomerInactive('cu-ret', '2026-03-01T10:00:00Z'),
        anOrderPlaced('order-jpy', 'cart-jpy', '2026-03-01T12:00:00Z', 1234, { currency: 'JPY', customerId: 'cu-jpy' }),
        anOrderPlaced('order-usd', 'cart-usd', '2026-03-01T14:00:00Z', 5000, { customerId: 'cu-usd' }),
        anOrderPlaced('order-ret', 'cart-ret', '2026-03-01T15:00:00Z', 2500, { currency: 'EUR', customerId: 'cu-ret' }),
        aCartUpdated('cart-tick').withLine(100, 1).at('2026-03-03T00:00:00Z').build(), // moves event time past every due time
      ],
    });
  }, 180_000);

  afterAll(() => stopTimeline(running, campaigns), 60_000);

  it('sends the emails of the timeline and no other', () => {
    expect(inbox.map((e) => `${e.campaignId === campaigns.retentionId ? 'rt' : 'ac'}|${e.customerId}|${e.dueAt}`).sort()).toEqual([
      'ac|cu-jpy|2026-03-01T11:00:00.000Z',
      'ac|cu-usd|2026-03-01T11:00:00.000Z',
      'ac|cu-usd|2026-03-01T13:00:00.000Z',
      'rt|cu-ret|2026-03-01T10:00:00.000Z',
    ]);
  });

  it('reports recovered revenue per currency and counts each order once, under the last email before it', async () => {
    const stats = await adminRequest(running.baseUrl, 'GET', `/v1/statistics/campaigns/${campaigns.abandonedCartId}`);
    expect(stats.body).toEqual({
      items: [
        { campaignId: campaigns.abandonedCartId, step: 1, sent: 2, opened: 0, recoveredCarts: 1, recoveredOrders: 1, recoveredRevenueByCurrency: [{ currency: 'JPY', amount: 1234 }] },
        { campaignId: campaigns.abandonedCartId, step: 2, sent: 1, opened: 0, recoveredCarts: 1, recoveredOrders: 1, recoveredRevenueByCurrency: [{ currency: 'USD', amount: 5000 }] },
      ],
    });
  });

  it('credits a retention email with the order its customer placed after it', async () => {
    const stats = await adminRequest(running.baseUrl, 'GET', `/v1/statistics/campaigns/${campaigns.retentionId}`);
    expect(stats.body).toEqual({
      items: [{ campaignId: campaigns.retentionId, step: 1, sent: 1, opened: 0, recoveredCarts: 1, recoveredOrders: 1, recoveredRevenueByCurrency: [{ currency: 'EUR', amount: 2500 }] }],
    });
  });

  it("prints amounts with the currency's exponent in the store's locale (en-US by default)", () => {
    const subjects = inbox.filter((e) => e.campaignId === campaigns.abandonedCartId && e.dueAt === '2026-03-01T11:00:00.000Z').map((e) => `${e.customerId}: ${e.subject}`);
    expect(subjects.sort()).toEqual(['cu-jpy: You left ¥1,234 in your cart', 'cu-usd: You left $50.00 in your cart']);
    expect(inbox.find((e) => e.customerId === 'cu-jpy')?.text).toContain('1 x Product 1 at ¥1,234');
  });
});
