import type { BodyOf, CampaignsPaths, PricingPaths } from '@promo/client';
import type { ServiceClients } from '../cluster/service-clients';
import type { CodeLimits } from '../checks/ledger.check';

/**
 * The store the recorded streams were recorded under (streams README, "The store the stream was
 * recorded under"), in the pricing engine's shape with the ledger's limits beside it.
 */
export const DEMO_PROMOTIONS: readonly BodyOf<PricingPaths, 'post', '/v1/promotions'>[] = [
  {
    id: 'promo-auto10',
    name: '10% off orders of $100 or more',
    kind: 'automatic',
    priority: 1,
    stacking: 'combinable',
    targeting: { currency: 'USD' },
    rules: [{ conditions: { subtotalAtLeast: 10_000 }, reward: { type: 'orderPercent', percent: 10 } }],
  },
  {
    id: 'promo-freeship75',
    name: 'Free shipping on orders of $75 or more',
    kind: 'automatic',
    priority: 2,
    stacking: 'combinable',
    targeting: { currency: 'USD' },
    rules: [{ conditions: { subtotalAtLeast: 7_500 }, reward: { type: 'freeShipping', zones: null } }],
  },
  {
    id: 'promo-welcome20',
    name: 'Welcome: 20% off your first order',
    kind: 'coupon',
    codes: ['WELCOME20'],
    stacking: 'combinable',
    targeting: { currency: 'USD', firstPurchaseOnly: true },
    rules: [{ reward: { type: 'orderPercent', percent: 20 } }],
    limits: { usesPerCustomer: 1 },
  },
  {
    id: 'promo-volume10',
    name: 'Wholesale: 10% off',
    kind: 'coupon',
    codes: ['VOLUME10'],
    stacking: 'combinable',
    targeting: { currency: 'USD', customerGroups: { include: ['wholesale'], exclude: [] } },
    rules: [{ reward: { type: 'orderPercent', percent: 10 } }],
    limits: { totalUses: 5, usesPerCustomer: 1 },
  },
  {
    id: 'promo-winback',
    name: 'Win back: 15% off',
    kind: 'coupon',
    stacking: 'combinable',
    targeting: { currency: 'USD' },
    rules: [{ reward: { type: 'orderPercent', percent: 15 } }],
    limits: { usesPerCode: 1 },
  },
];

export const WINBACK_GROUP = 'WINBACK';

/** The group of the 500 single-use WINBACK codes, for the win-back promotion. */
export const DEMO_WINBACK_GROUP = { groupId: WINBACK_GROUP, name: 'Win back', promotionId: 'promo-winback' } as const;

/** The limits the ledger check re-applies, per code (WINBACK for the whole group); coupons default to one use per customer. */
export const DEMO_CODE_LIMITS: ReadonlyMap<string, CodeLimits> = new Map([
  ['WELCOME20', { promotionId: 'promo-welcome20', perCustomer: 1 }],
  ['VOLUME10', { promotionId: 'promo-volume10', total: 5, perCustomer: 1 }],
  ['WINBACK', { promotionId: 'promo-winback', perCode: 1, perCustomer: 1 }],
]);

const template = (subject: string, text: string) => ({ subject, text });

export const DEMO_CAMPAIGNS: readonly BodyOf<CampaignsPaths, 'post', '/v1/campaigns'>[] = [
  {
    campaignId: 'abandoned-cart',
    name: 'Abandoned cart, 60 minutes',
    kind: 'abandoned_cart',
    minimumCartValue: 5_000,
    frequencyCapHours: 24,
    codeGroup: WINBACK_GROUP,
    steps: [
      {
        delayMinutes: 60,
        template: template(
          'You left {{cart.total}} in your cart',
          "Hi {{customer.email}}\n{{cart.lines}}\nBack to your cart: {{cart.recoveryUrl}}\nTake 15% off with {{promocode 'WINBACK'}}\nUnsubscribe: {{unsubscribeUrl}}",
        ),
      },
    ],
  },
  {
    campaignId: 'retention',
    name: 'Win back after 60 days',
    kind: 'retention',
    minimumDaysInactive: 60,
    coolDownDays: 30,
    codeGroup: WINBACK_GROUP,
    template: template('We miss you', "It has been a while. Here is 15% off your next order: {{promocode 'WINBACK'}}\nUnsubscribe: {{unsubscribeUrl}}"),
  },
];

/**
 * Sets the store up through the services' own admin APIs, then waits until the ledger knows every limit. Each POST
 * is sent again on a 503 (`idempotent`): the services answer it when nothing was saved (a dependency was late).
 */
export async function setUpDemoStore(clients: ServiceClients, winbackCodes: readonly string[], waitForLedger: () => Promise<void>): Promise<void> {
  for (const promotion of DEMO_PROMOTIONS) await clients.pricing.post('/v1/promotions', { body: promotion, idempotent: true });
  await clients.codeInventory.post('/v1/groups', { body: DEMO_WINBACK_GROUP, idempotent: true });
  await clients.codeInventory.post('/v1/groups/{groupId}/codes', { path: { groupId: WINBACK_GROUP }, body: { codes: winbackCodes }, idempotent: true });
  for (const campaign of DEMO_CAMPAIGNS) await clients.campaigns.post('/v1/campaigns', { body: campaign, idempotent: true });
  await waitForLedger();
}
