import { aCartUpdated, aCustomerInactive } from './builders/upstream-event.builder';
import { adminRequest, type RunningCampaigns } from './support/campaigns-test-env';
import { type CampaignsWithCodes, startCampaignsWithCodes } from './support/campaigns-with-codes';
import { receivedEmails } from './support/maildev-inbox';
import { produceRecords } from './support/produce-records';
import { testKafka } from './support/storefront-day.scenario';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';

/** K3 code macros through the real code-inventory: a fresh code in step 1, the same one shown again in step 2. */
describe('code macros in a two-step abandoned-cart campaign', () => {
  const kafka = testKafka();
  let services: CampaignsWithCodes;
  let running: RunningCampaigns;
  // Unique per run: maildev is shared, and the inbox is read by campaign id.
  const campaignId = `two-steps-${uniqueSuffix()}`;
  const groupCampaignId = `two-steps-group-${uniqueSuffix()}`;

  beforeAll(async () => {
    services = await startCampaignsWithCodes();
    running = services.running;
    const created = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', {
      campaignId,
      name: 'Two steps',
      kind: 'abandoned_cart',
      minimumCartValue: 0,
      frequencyCapHours: 0,
      steps: [
        { delayMinutes: 60, template: { subject: 'Step 1', text: "Code: {{promocode 'WINBACK'}}." } },
        { delayMinutes: 120, template: { subject: 'Step 2', text: "Again: {{last_promocode 'WINBACK'}}. None here: {{last_promocode 'NO-SUCH-GROUP'}}." } },
      ],
    });
    expect(created.status).toBe(201);
    // #19.9: a macro without a group issues from the campaign's codeGroup (a retention campaign, so that
    // its customer gets no code from the campaign above).
    const withGroup = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', {
      campaignId: groupCampaignId,
      name: 'Win back from the campaign group',
      kind: 'retention',
      minimumDaysInactive: 60,
      codeGroup: 'WINBACK',
      template: { subject: 'Group offer', text: 'Code: {{promocode}}.' },
    });
    expect(withGroup.status).toBe(201);
    await produceRecords(kafka, services.env.KAFKA_TOPIC_PREFIX, [
      aCartUpdated('cart-m').forCustomer('cu-m').withLine(2500, 1).at('2026-03-01T10:00:00Z').build(),
      aCustomerInactive('cu-g', '2026-03-01T10:00:00Z'),
      aCartUpdated('cart-tick').withLine(100, 1).at('2026-03-02T00:00:00Z').build(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await services.stop([campaignId, groupCampaignId]);
  }, 60_000);

  it('issues a fresh bound code in step 1 and shows the same code again in step 2', async () => {
    const emails = await waitFor(async () => {
      // Both campaigns email both carts: this campaign's emails of cart-m.
      const received = (await receivedEmails([campaignId])).filter((e) => e.cartId === 'cart-m');
      return received.length >= 2 ? received : undefined;
    }, { timeoutMs: 60_000, description: 'both steps' });
    const step1 = emails.find((e) => e.subject === 'Step 1')?.text ?? '';
    const step2 = emails.find((e) => e.subject === 'Step 2')?.text ?? '';
    const code = /Code: (\S+) \(/.exec(step1)?.[1];
    expect(code).toMatch(/\S+/);
    expect(step2).toContain(`Again: ${code ?? '?'} (`);
    expect(step2).toContain('None here: .');
    const listed = await adminRequest(running.baseUrl, 'GET', `/v1/emails?cartId=cart-m&campaignId=${campaignId}`);
    expect(listed.body).toMatchObject({
      items: [
        { step: 1, dueAt: '2026-03-01T11:00:00.000Z', code },
        { step: 2, dueAt: '2026-03-01T12:00:00.000Z', code: null },
      ],
    });
  });

  it("issues from the campaign's codeGroup when a macro names no group", async () => {
    const [email] = await waitFor(async () => {
      const received = await receivedEmails([groupCampaignId]);
      return received.length >= 1 ? received : undefined;
    }, { timeoutMs: 60_000, description: 'the group campaign offer' });
    const code = /Code: (WINBACK-\S+) \(/.exec(email?.text ?? '')?.[1];
    expect(email?.text).toMatch(/^Code: WINBACK-\S+ \(http/);
    const listed = await adminRequest(running.baseUrl, 'GET', `/v1/emails?customerId=cu-g&campaignId=${groupCampaignId}`);
    expect(listed.body).toMatchObject({ items: [{ step: 1, code }] });
  });

  it('refuses a macro without a group in a campaign without codeGroup, naming the field', async () => {
    const refused = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', {
      campaignId: 'no-group',
      name: 'No group',
      kind: 'retention',
      minimumDaysInactive: 60,
      template: { subject: 'Back?', text: 'Code: {{promocode}}' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: [{ field: 'codeGroup', reason: 'required' }] });
  });
});
