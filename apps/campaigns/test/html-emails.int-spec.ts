import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { aCartUpdated } from './builders/upstream-event.builder';
import { adminRequest, type RunningCampaigns } from './support/campaigns-test-env';
import { type CampaignsWithCodes, startCampaignsWithCodes } from './support/campaigns-with-codes';
import { type ReceivedEmail, receivedEmails } from './support/maildev-inbox';
import { produceRecords } from './support/produce-records';
import { testKafka } from './support/storefront-day.scenario';

const SHOE_IMAGE = 'https://cdn.example.test/img/trail-shoe.png';
const SOCKS = 'Wool <script>alert(1)</script> socks';

/** #25: Liquid templates, an HTML alternative from the MJML layout, sent over the real SMTP server (maildev). */
describe('HTML emails', () => {
  const kafka = testKafka();
  let services: CampaignsWithCodes;
  let running: RunningCampaigns;
  // Unique per run: maildev is shared, and the inbox is read by campaign id.
  const liquidCampaignId = `html-liquid-${uniqueSuffix()}`;
  const plainCampaignId = `html-plain-${uniqueSuffix()}`;
  const liquidTemplate = {
    syntax: 'liquid',
    subject: 'Still thinking, {{ customer.email | split: "@" | first }}?',
    text: "{% for line in cart.lines %}{{ line.quantity }} x {{ line.name }} at {{ line.unitPrice }}\n{% endfor %}{% if cart.lines.size > 1 %}Your items wait.{% endif %}\nCode: {% promocode 'WINBACK' %}\nBack: {{ cart.recoveryUrl }}",
    html: "<p>Your items wait, {{ customer.email }}.</p><p>Your code: {% promocode 'WINBACK' %}</p>",
  };

  beforeAll(async () => {
    services = await startCampaignsWithCodes();
    running = services.running;
    const oneStep = async (campaignId: string, template: Record<string, string>): Promise<number> =>
      (await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { campaignId, name: campaignId, kind: 'abandoned_cart', minimumCartValue: 0, frequencyCapHours: 0, steps: [{ delayMinutes: 60, template }] })).status;
    expect(await oneStep(liquidCampaignId, liquidTemplate)).toBe(201);
    expect(await oneStep(plainCampaignId, { subject: 'Your cart', text: "Hi {{customer.email}}\n{{cart.lines}}\nCode: {{promocode 'WINBACK'}}" })).toBe(201);
    await produceRecords(kafka, services.env.KAFKA_TOPIC_PREFIX, [
      aCartUpdated('cart-html').forCustomer('cu-html').withNamedLine('Trail shoe', 1250, 2, SHOE_IMAGE).withNamedLine(SOCKS, 2000, 1).at('2026-03-01T10:00:00Z').build(),
      aCartUpdated('cart-tick').withLine(100, 1).at('2026-03-02T00:00:00Z').build(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await services.stop([liquidCampaignId, plainCampaignId]);
  }, 60_000);

  const emailOf = (campaignId: string): Promise<ReceivedEmail> =>
    waitFor(async () => (await receivedEmails([campaignId])).find((email) => email.cartId === 'cart-html'), { timeoutMs: 60_000, description: `the email of ${campaignId}` });

  it('sends one multipart/alternative message with a text and an HTML part showing each line, the code and the button', async () => {
    const email = await emailOf(liquidCampaignId);
    expect(email.contentType).toMatch(/^multipart\/alternative/);
    expect(email.subject).toBe('Still thinking, cu-html?');
    const code = /Code: (WINBACK-\S+) \(/.exec(email.text)?.[1] ?? 'no code in the text';
    expect(email.text).toContain(`2 x Trail shoe at $12.50\n1 x ${SOCKS} at $20.00\nYour items wait.\nCode: ${code} (http`);
    const button = /Back: (\S+)/.exec(email.text)?.[1] ?? 'no link in the text';
    expect(button).toMatch(/^http:\/\/127\.0\.0\.1:3004\/v1\/links\//);
    const html = email.html;
    expect(html).toContain('<p>Your items wait, cu-html@example.test.</p>');
    expect(html).toMatch(new RegExp(`<p>Your code: <a href="[^"]+">${code}</a></p>`));
    expect(html).toContain('Trail shoe');
    expect(html).toContain(`src="${SHOE_IMAGE}"`);
    expect(html).toMatch(/>\s*2\s*<\/td>/);
    expect(html).toContain('$12.50');
    expect(html).toContain('$25.00');
    expect(html).toMatch(/>\s*1\s*<\/td>/);
    expect(html).toContain('$20.00');
    expect(html).toContain('$45.00');
    expect(html).toContain(`href="${button.replace(/&/g, '&amp;')}"`);
    expect(html).toContain('Return to your cart');
  });

  it('escapes a value carrying markup in the HTML part', async () => {
    const email = await emailOf(liquidCampaignId);
    expect(email.html).toContain('Wool &lt;script&gt;alert(1)&lt;/script&gt; socks');
    expect(email.html).not.toContain('<script>');
  });

  it('keeps a plain template\'s text as before and gives it the HTML layout too', async () => {
    const email = await emailOf(plainCampaignId);
    expect(email.contentType).toMatch(/^multipart\/alternative/);
    const code = /Code: (WINBACK-\S+) \(/.exec(email.text)?.[1] ?? 'no code in the text';
    expect(email.text).toMatch(new RegExp(`^Hi cu-html@example\\.test\\n2 x Trail shoe at \\$12\\.50\\n1 x Wool <script>alert\\(1\\)</script> socks at \\$20\\.00\\nCode: ${code} \\(http\\S+\\)$`));
    expect(email.html).toContain(`Hi cu-html@example.test<br />\n2 x Trail shoe at $12.50<br />\n1 x Wool &lt;script&gt;alert(1)&lt;/script&gt; socks at $20.00<br />\nCode: ${code} (`);
    expect(email.html).toContain('Return to your cart');
  });

  describe('preview', () => {
    const cart = {
      cartId: 'cart-preview',
      channel: 'web',
      currency: 'EUR',
      customer: { customerId: 'cu-p', email: 'pat@example.test' },
      lines: [
        { lineId: 'l1', sku: 'SKU-1', productId: 'p1', name: 'Trail shoe', quantity: 2, unitPrice: 1250, imageUrl: SHOE_IMAGE },
        { lineId: 'l2', sku: 'SKU-2', productId: 'p2', name: SOCKS, quantity: 1, unitPrice: 2000 },
      ],
      recoveryUrl: 'https://shop.example.test/cart/cart-preview',
      updatedAt: '2026-03-01T10:00:00Z',
    };

    it('renders a step for a given cart with a placeholder code, issuing and sending nothing', async () => {
      const before = await adminRequest(running.baseUrl, 'GET', `/v1/emails?cartId=cart-preview&campaignId=${liquidCampaignId}`);
      const preview = await adminRequest(running.baseUrl, 'POST', `/v1/campaigns/${liquidCampaignId}/steps/1/preview`, { cart });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ subject: 'Still thinking, pat?' });
      const { text, html } = preview.body as { readonly text: string; readonly html: string };
      expect(text).toBe(
        `2 x Trail shoe at €12.50\n1 x ${SOCKS} at €20.00\nYour items wait.\nCode: WINBACK-PREVIEW (https://shop.example.test/cart/cart-preview?code=WINBACK-PREVIEW)\nBack: https://shop.example.test/cart/cart-preview`,
      );
      expect(html).toContain('<p>Your code: <a href="https://shop.example.test/cart/cart-preview?code=WINBACK-PREVIEW">WINBACK-PREVIEW</a></p>');
      expect(html).toContain('€25.00');
      expect(html).toContain('Wool &lt;script&gt;alert(1)&lt;/script&gt; socks');
      expect(html).toContain('href="https://shop.example.test/cart/cart-preview"');
      expect(before.body).toEqual({ items: [], nextCursor: null });
      const after = await adminRequest(running.baseUrl, 'GET', `/v1/emails?cartId=cart-preview&campaignId=${liquidCampaignId}`);
      expect(after.body).toEqual(before.body);
    });

    it('names each invalid field of the request', async () => {
      const invalid = await adminRequest(running.baseUrl, 'POST', `/v1/campaigns/${liquidCampaignId}/steps/first/preview`, { cart: { ...cart, currency: undefined } });
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({
        errors: [
          { field: 'step', reason: 'invalid_format' },
          { field: 'cart.currency', reason: 'required' },
        ],
      });
      const badLine = await adminRequest(running.baseUrl, 'POST', `/v1/campaigns/${liquidCampaignId}/steps/1/preview`, { cart: { ...cart, lines: [{ ...cart.lines[0], quantity: 0 }] } });
      expect(badLine.status).toBe(400);
      expect(badLine.body).toMatchObject({ errors: [{ field: 'cart.lines[0].quantity', reason: 'invalid_value' }] });
      const missing = await adminRequest(running.baseUrl, 'POST', `/v1/campaigns/${liquidCampaignId}/steps/1/preview`, {});
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ errors: [{ field: 'cart', reason: 'required' }] });
    });

    it('answers 404 for a step the campaign does not have', async () => {
      const unknown = await adminRequest(running.baseUrl, 'POST', `/v1/campaigns/${liquidCampaignId}/steps/2/preview`, { cart });
      expect(unknown.status).toBe(404);
    });
  });

  it('refuses a Liquid template with an unknown filter, naming the field', async () => {
    const refused = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', {
      campaignId: `bad-liquid-${uniqueSuffix()}`,
      name: 'Bad Liquid',
      kind: 'retention',
      minimumDaysInactive: 60,
      template: { syntax: 'liquid', subject: 'Hi', text: '{{ customer.email | shout }}', html: '{% if customer %}open' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [
        { field: 'template.text', reason: 'invalid_template' },
        { field: 'template.html', reason: 'invalid_template' },
      ],
    });
  });
});
