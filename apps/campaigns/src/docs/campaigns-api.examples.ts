// campaigns' requests and answers as its OpenAPI document shows them (#24), written by hand for one store: the
// abandoned-cart campaign abandoned-cart sent two first emails, one link was followed, and one order of 45.00 EUR
// placed after it is attributed to it. Redocly's lint (libs/contracts/src/openapi/openapi-documents.spec.ts) checks
// each against its documented schema.
import { messageIdFor } from '../email/email-identity';
import { unsubscribeConfirmationPage, unsubscribedPage } from '../suppression/unsubscribe-page';

export const EMAIL_PREVIEW_REQUEST_EXAMPLE = {
  cart: {
    cartId: 'cart-1042',
    currency: 'EUR',
    channel: 'web',
    customer: { customerId: 'cu-77', email: 'jane@example.com' },
    lines: [{ lineId: 'l1', sku: 'TEE-RED-M', productId: 'tee', quantity: 1, unitPrice: 4500 }],
    updatedAt: '2026-02-01T10:00:00Z',
  },
};

export const RENDERED_EMAIL_EXAMPLE = {
  subject: 'You left something in your cart',
  text: 'Hi, your TEE-RED-M is waiting: https://shop.example.com/cart?code=WINBACK-PREVIEW',
  html: '<!doctype html><html><body><p>Hi, your TEE-RED-M is waiting.</p></body></html>',
};

const EMAIL_EXAMPLE = {
  emailId: 'ac:abandoned-cart:cart-1042:1',
  kind: 'abandoned_cart',
  campaignId: 'abandoned-cart',
  step: 1,
  customerId: 'cu-77',
  cartId: 'cart-1042',
  status: 'sent',
  dueAt: '2026-02-01T11:00:00.000Z',
  sentAt: '2026-02-01T11:00:02.000Z',
  code: 'WB-3HDZ-QRTE',
  messageId: messageIdFor('ac:abandoned-cart:cart-1042:1'),
};

export const EMAIL_PAGE_EXAMPLE = { items: [EMAIL_EXAMPLE], nextCursor: null };

export const SUPPRESSION_EXAMPLE = { email: 'jane@example.com', customerId: 'cu-77', reason: 'merchant', createdAt: '2026-02-01T12:00:00.000Z' };

export const SUPPRESSION_PAGE_EXAMPLE = { items: [SUPPRESSION_EXAMPLE, { email: 'max@example.com', customerId: null, reason: 'unsubscribed', createdAt: '2026-02-02T08:30:00.000Z' }], nextCursor: null };

export const STATISTICS_EXAMPLE = {
  items: [{ campaignId: 'abandoned-cart', step: 1, sent: 2, opened: 1, recoveredCarts: 1, recoveredOrders: 1, recoveredRevenueByCurrency: [{ currency: 'EUR', amount: 4500 }] }],
};

export const WATERMARK_EXAMPLE = { watermark: '2026-02-01T11:05:00.000Z', pendingDue: 0 };

// The pages as the service writes them, for a link signed for jane@example.com.
export const UNSUBSCRIBE_CONFIRMATION_EXAMPLE = unsubscribeConfirmationPage('jane@example.com', 'c2lnbmF0dXJl');

export const UNSUBSCRIBED_EXAMPLE = unsubscribedPage('jane@example.com');

export const CAMPAIGN_EXAMPLE = {
  campaignId: 'abandoned-cart',
  name: 'Cart recovery',
  enabled: true,
  kind: 'abandoned_cart',
  codeGroup: 'winback-2026',
  minimumCartValue: 2000,
  frequencyCapHours: 24,
  steps: [
    { delayMinutes: 60, template: { subject: 'You left something in your cart', text: "Your cart is waiting: {{cart.url}} Use {{promocode}} for 10% off." } },
    { delayMinutes: 1440, template: { subject: 'Still thinking?', text: 'Your code {{last_promocode}} is still good.' } },
  ],
};

export const CAMPAIGN_LIST_EXAMPLE = {
  items: [CAMPAIGN_EXAMPLE, { campaignId: 'win-back', name: 'Win back', enabled: true, kind: 'retention', codeGroup: null, minimumDaysInactive: 90, coolDownDays: 30, frequencyCapHours: 24, template: { subject: 'We miss you', text: 'Come back to {{shop.url}}' } }],
};
