import { uniqueSuffix } from '@promo/platform/testing';
import { anAutomatic } from './builders/promotion.builder';
import { pricingAppPerSuite } from './support/pricing-app';

interface Problem {
  errors: { field: string; reason: string }[];
}

/** Fields the admin API adds to what was sent; the rest of a GET must be what was sent (#23). */
const SERVER_FIELDS = ['version', 'status', 'createdAt', 'updatedAt', 'enabled'];

function withoutServerFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !SERVER_FIELDS.includes(key)));
}

/** #23: the admin API stores and reads back every Version 2 field of a promotion. */
describe('Version 2 fields through the admin API (#23)', () => {
  const app = pricingAppPerSuite();

  const rules = [
    { conditions: { lineQuantityAtLeast: { quantity: 3, items: { unitPrice: { min: 100 } } } }, reward: { type: 'orderPercent', percent: 30, maxDiscount: 1000 } },
    {
      reward: {
        type: 'buyXgetY',
        buy: { quantity: 1, items: { include: { category: ['apparel/tees'] } } },
        get: { quantity: 1, items: { include: { category: ['apparel/tees'] } }, percent: 100 },
        pick: 'cheapest',
        frequency: 'unlimited',
        maxRounds: 2,
      },
    },
    { reward: { type: 'linesAmount', amount: 597, items: { include: { customField: { name: 'weightKg', gte: 2.5, lte: 10 } } } } },
    { reward: { type: 'fixedOrderTotal', amount: 5000 } },
    { reward: { type: 'itemsPercent', percent: 20, applyTo: 'each', items: { include: { unitPrice: { min: 1000, max: 5000 } } } } },
  ];

  it('reads back every Version 2 field of a promotion as it was written, budget included', async () => {
    const promotion = anAutomatic()
      .with({
        rulesMode: 'all',
        rules,
        targeting: { channels: [`web-${uniqueSuffix()}`], currency: 'USD', customerIds: ['cu-1', 'cu-2'], markets: ['us', 'ca'] },
        limits: { totalUses: 100, usesPerCode: null, usesPerCustomer: 2, consumeUnit: 'cart', budget: 250_000 },
      })
      .build();
    const created = await app().admin('POST', '/v1/promotions', promotion);
    expect(created.status).toBe(201);
    const read = await app().admin('GET', `/v1/promotions/${String(promotion['id'])}`);
    expect(read.status).toBe(200);
    expect(withoutServerFields((await read.json()) as Record<string, unknown>)).toEqual(promotion);
  });

  it('reads a promotion without a budget back with budget null', async () => {
    const promotion = anAutomatic().withChannel(`web-${uniqueSuffix()}`).build();
    expect((await app().admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    const read = (await (await app().admin('GET', `/v1/promotions/${String(promotion['id'])}`)).json()) as { limits: Record<string, unknown> };
    expect(read.limits).toEqual({ totalUses: null, usesPerCode: null, usesPerCustomer: null, consumeUnit: 'cart', budget: null });
  });

  it('refuses an invalid budget with 400 naming limits.budget and the reason', async () => {
    const refusal = async (targeting: Record<string, unknown>, budget: unknown): Promise<[string, string][]> => {
      const response = await app().admin('POST', '/v1/promotions', anAutomatic().with({ targeting, limits: { budget } }).build());
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      return ((await response.json()) as Problem).errors.map((error) => [error.field, error.reason]);
    };
    // Never stored (each is refused), so no channel is needed to keep them out of other suites' carts.
    expect(await refusal({ currency: 'USD' }, -1)).toEqual([['limits.budget', 'out_of_range']]);
    expect(await refusal({ currency: 'USD' }, 12.5)).toEqual([['limits.budget', 'invalid_type']]);
    expect(await refusal({ currency: 'any' }, 1000)).toEqual([['limits.budget', 'not_allowed']]);
    // The ledger counts a budget in one currency: without targeting.currency an amount reads in the cart's (rule 8).
    expect(await refusal({}, 1000)).toEqual([['limits.budget', 'not_allowed']]);
  });

  it('refuses an invalid Version 2 rule field with the engine reason and its path', async () => {
    const response = await app().admin(
      'POST',
      '/v1/promotions',
      anAutomatic().with({ rules: [{ reward: { type: 'orderPercent', percent: 10, maxRounds: 2 } }], targeting: { markets: [] } }).build(),
    );
    expect(response.status).toBe(400);
    const errors = ((await response.json()) as Problem).errors.map((error) => [error.field, error.reason]).sort();
    expect(errors).toEqual([
      ['rules[0].reward.maxRounds', 'not_allowed'],
      ['targeting.markets', 'empty'],
    ]);
  });
});
