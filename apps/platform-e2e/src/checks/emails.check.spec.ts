import { codesMissingFromParts, type InboxEmail, type SentEmail } from './emails.check';

const sent = (customerId: string, code: string | null): SentEmail => ({
  emailId: `email-${customerId}`,
  messageId: `<email-${customerId}@promotions>`,
  campaignId: 'abandoned-cart',
  step: 1,
  kind: 'abandoned_cart',
  status: 'sent',
  customerId,
  cartId: `cart-${customerId}`,
  dueAt: '2026-11-20T11:00:00Z',
  sentAt: '2026-11-20T11:00:05Z',
  code,
});

const delivered = (customerId: string, text: string, html?: string): InboxEmail => ({
  text,
  ...(html === undefined ? {} : { html }),
  headers: { 'x-campaign-id': 'abandoned-cart', 'x-campaign-step': '1', 'x-customer-id': customerId, 'x-cart-id': `cart-${customerId}`, 'x-due-at': '2026-11-20T11:00:00.000Z' },
});

describe('codesMissingFromParts', () => {
  it('passes codes shown in both the text and the HTML part of their own email', () => {
    const inbox = [delivered('a', 'Take 15% off with WINBACK-A1 (https://l)', '<p>Take 15% off with WINBACK-A1 (https://l)</p>'), delivered('b', 'No code', '<p>No code</p>')];
    expect(codesMissingFromParts([sent('a', 'WINBACK-A1'), sent('b', null)], inbox)).toEqual([]);
  });

  it("names a code missing from the HTML part, from the text part, or whose email is not in the inbox", () => {
    const inbox = [delivered('a', 'Use WINBACK-A1'), delivered('b', 'Use it', '<p>WINBACK-B2</p>'), delivered('c', 'Use WINBACK-A1', '<p>WINBACK-A1</p>')];
    expect(codesMissingFromParts([sent('a', 'WINBACK-A1'), sent('b', 'WINBACK-B2'), sent('c', 'WINBACK-C3'), sent('d', 'WINBACK-D4')], inbox)).toEqual([
      'WINBACK-A1 (HTML part)',
      'WINBACK-B2 (text part)',
      'WINBACK-C3 (HTML part)',
      'WINBACK-C3 (text part)',
      'WINBACK-D4 (not in the inbox)',
    ]);
  });
});
