import { ManualClock, REDIS } from '@promo/platform';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import type { Redis } from 'ioredis';
import { RECENT_CARTS_ORDER_KEY, RecentCartsStore } from '../src/impact/recent-carts.store';
import { aCart } from './builders/cart.builder';
import { aCoupon, anAutomatic } from './builders/promotion.builder';
import { INVENTORY_CODE_LOOKUP, type InventoryProcess, startInventoryProcess } from './support/code-inventory-process';
import { type PricingApp, startPricingApp } from './support/pricing-app';

interface PricedBody {
  total: number;
  discounts: Record<string, number>;
  codes: Record<string, { status: string; reason?: string }>;
  indexVersion: number;
}

describe('promotions admin API, price and dry-run (P1-P11, X3)', () => {
  const clock = new ManualClock('2026-06-01T12:00:00Z');
  let inventory: InventoryProcess;
  let pricing: PricingApp;

  beforeAll(async () => {
    // A coupon's shared codes are registered with code-inventory before pricing saves it (C2, #19.4).
    inventory = await startInventoryProcess();
    pricing = await startPricingApp({ CODE_INVENTORY_URL: inventory.service.baseUrl, CODE_INVENTORY_API_KEY: INVENTORY_CODE_LOOKUP, CODE_INVENTORY_TIMEOUT_MS: '2000' }, clock);
  }, 150_000);

  afterAll(async () => {
    await pricing.close();
    await inventory.stop();
  }, 40_000);

  const price = async (cart: Record<string, unknown>): Promise<PricedBody> => {
    const response = await pricing.storefront('POST', '/v1/carts/price', cart);
    expect(response.status).toBe(200);
    return (await response.json()) as PricedBody;
  };

  const create = async (body: Record<string, unknown>): Promise<{ version: number }> => {
    const response = await pricing.admin('POST', '/v1/promotions', body);
    expect(response.status).toBe(201);
    return (await response.json()) as { version: number };
  };

  it('refuses an invalid promotion with 400 listing every field path', async () => {
    const response = await pricing.admin('POST', '/v1/promotions', {
      id: `bad-${uniqueSuffix()}`,
      kind: 'automatic',
      rules: [{ conditions: { subtotalAtLeast: -1 }, reward: { type: 'orderPercent' } }],
      limits: { totalUses: -2 },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as { errors: { field: string; reason: string }[] };
    expect(body.errors.map((e) => [e.field, e.reason]).sort()).toEqual([
      ['limits.totalUses', 'out_of_range'],
      ['rules[0].conditions.subtotalAtLeast', 'out_of_range'],
      ['rules[0].reward.percent', 'required'],
    ]);
  });

  it('creates, reads with an ETag, updates with If-Match and refuses a stale update with 409', async () => {
    const promotion = anAutomatic().withChannel(`web-${uniqueSuffix()}`).withPercentOff(10).build();
    const id = String(promotion['id']);
    expect((await create(promotion)).version).toBe(1);
    const read = await pricing.admin('GET', `/v1/promotions/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');

    const updated = await pricing.admin('PUT', `/v1/promotions/${id}`, { ...promotion, rules: [{ reward: { type: 'orderPercent', percent: 20 } }] }, { 'if-match': '"1"' });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');

    const stale = await pricing.admin('PUT', `/v1/promotions/${id}`, { ...promotion, rules: [{ reward: { type: 'orderPercent', percent: 30 } }] }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    const staleByBody = await pricing.admin('PUT', `/v1/promotions/${id}`, { ...promotion, version: 1 });
    expect(staleByBody.status).toBe(409);
    expect(((await (await pricing.admin('GET', `/v1/promotions/${id}`)).json()) as { version: number }).version).toBe(2);

    const missing = await pricing.admin('PUT', `/v1/promotions/nope-${uniqueSuffix()}`, { ...promotion, id: undefined }, { 'if-match': '"1"' });
    expect(missing.status).toBe(404);
    const duplicate = await pricing.admin('POST', '/v1/promotions', promotion);
    expect(duplicate.status).toBe(409);
  });

  it('writes pricing.promotion-changed to the outbox with a rising version and the limits for every change', async () => {
    const promotion = aCoupon([`SAVE-${uniqueSuffix()}`]).withAmountOff(500).with({ limits: { totalUses: 100, usesPerCustomer: 2 } }).build();
    const id = String(promotion['id']);
    await create(promotion);
    expect((await pricing.admin('POST', `/v1/promotions/${id}/disable`, undefined, { 'if-match': '"1"' })).status).toBe(200);
    expect((await pricing.admin('DELETE', `/v1/promotions/${id}`)).status).toBe(204);
    expect((await pricing.admin('GET', `/v1/promotions/${id}`)).status).toBe(404);

    const { rows } = await pricing.sql.query<{ topic: string; value: string }>(`SELECT topic, value FROM outbox_messages WHERE key = $1 ORDER BY id`, [id]);
    const events = rows.map((row): Record<string, unknown> => ({ topic: row.topic, ...(JSON.parse(row.value) as { data: Record<string, unknown> }).data }));
    expect(events.map((e) => [e.topic, e['change'], e['version']])).toEqual([
      ['pricing.promotion-changed', 'created', 1],
      ['pricing.promotion-changed', 'updated', 2],
      ['pricing.promotion-changed', 'deleted', 3],
    ]);
    expect(events[0]?.['promotion']).toMatchObject({ id, kind: 'coupon', enabled: true, limits: { totalUses: 100, usesPerCustomer: 2, usesPerCode: null, consumeUnit: 'cart' } });
    expect(events[1]?.['promotion']).toMatchObject({ enabled: false });
    expect(events[2]?.['promotion']).toBeNull();
  });

  it('lists by status at the clock, kind, channel and text, a page at a time', async () => {
    const tag = `tag${uniqueSuffix()}`;
    const channel = `web-${tag}`;
    const base = (name: string) => anAutomatic(`${tag}-${name}`).withChannel(channel).with({ name: `${tag} ${name}` });
    await create(base('active').build());
    await create(base('scheduled').with({ schedule: { start: '2026-07-01T00:00:00', timeZone: 'UTC' } }).build());
    await create(base('expired').with({ schedule: { end: '2026-05-01T00:00:00', timeZone: 'UTC' } }).build());
    await create(base('disabled').with({ enabled: false }).build());
    await create(aCoupon([`${tag}-CODE`], `${tag}-coupon`).with({ name: `${tag} coupon`, targeting: { channels: ['elsewhere'] } }).build());

    const ids = async (query: string): Promise<string[]> => {
      const response = await pricing.admin('GET', `/v1/promotions?q=${tag}&${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    };
    expect(await ids('status=active&kind=automatic')).toEqual([`${tag}-active`]);
    expect(await ids('status=scheduled')).toEqual([`${tag}-scheduled`]);
    expect(await ids('status=expired')).toEqual([`${tag}-expired`]);
    expect(await ids('status=disabled')).toEqual([`${tag}-disabled`]);
    expect(await ids('kind=coupon')).toEqual([`${tag}-coupon`]);
    expect((await ids(`channel=${channel}`)).sort()).toEqual([`${tag}-active`, `${tag}-disabled`, `${tag}-expired`, `${tag}-scheduled`]);
    const page = await pricing.admin('GET', `/v1/promotions?q=${tag}&kind=automatic&limit=2&offset=2`);
    expect(await page.json()).toMatchObject({ total: 4, limit: 2, offset: 2, items: [{ id: `${tag}-expired` }, { id: `${tag}-scheduled` }] });
    expect((await pricing.admin('GET', '/v1/promotions?status=paused')).status).toBe(400);

    clock.set('2026-07-02T00:00:00Z');
    try {
      expect((await ids('status=active')).sort()).toEqual([`${tag}-active`, `${tag}-coupon`, `${tag}-scheduled`]);
    } finally {
      clock.set('2026-06-01T12:00:00Z');
    }
  });

  it('reorders automatic priorities in one call, and the price follows the new order', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const first = anAutomatic().withChannel(channel).withPercentOff(10).with({ priority: 1, stopAfter: true }).build();
    const second = anAutomatic().withChannel(channel).withPercentOff(20).with({ priority: 2, stopAfter: true }).build();
    await create(first);
    await create(second);
    const cart = aCart(channel).withLine(1000, 2).build();
    // 2 × $10.00; the first by priority stops the rest (P7): 10% = $2.00 off.
    await waitFor(async () => (await price(cart)).total === 1800, { timeoutMs: 15_000, description: 'the index holds both promotions' });

    const reorder = await pricing.admin('PUT', '/v1/promotion-priorities', {
      priorities: [
        { id: first['id'], priority: 2, version: 1 },
        { id: second['id'], priority: 1, version: 1 },
      ],
    });
    expect(reorder.status).toBe(200);
    // Now 20% applies first: $4.00 off.
    await waitFor(async () => (await price(cart)).total === 1600, { timeoutMs: 15_000, description: 'the index follows the new priorities' });

    const stale = await pricing.admin('PUT', '/v1/promotion-priorities', { priorities: [{ id: first['id'], priority: 5, version: 1 }] });
    expect(stale.status).toBe(409);
  });

  it('answers the engine result with the index version, and 400 for an unknown currency', async () => {
    const channel = `web-${uniqueSuffix()}`;
    await create(anAutomatic().withChannel(channel).withAmountOff(250).build());
    const cart = aCart(channel).withLine(1999).withLine(500, 3).build();
    const priced = await waitFor(async () => {
      const body = await price(cart);
      return body.total === 3249 ? body : undefined;
    }, { timeoutMs: 15_000, description: 'the new promotion is in the index' });
    // 1999 + 3 × 500 = 3499, minus $2.50.
    expect(priced).toMatchObject({ subtotal: 3499, total: 3249, codes: {} });
    expect(priced.indexVersion).toBeGreaterThan(0);

    const unknown = await pricing.storefront('POST', '/v1/carts/price', aCart(channel).withLine(100).inCurrency('XYZ').build());
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { field: string; reason: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'currency', reason: 'unknown_currency' }),
    ]);
    const badLine = await pricing.storefront('POST', '/v1/carts/price', { ...aCart(channel).build(), lines: [{ lineId: 'l1', sku: 's', productId: 'p', quantity: 0, unitPrice: 100 }] });
    expect(badLine.status).toBe(400);
    expect(((await badLine.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['lines[0].quantity']);
  });

  it('refuses a code it cannot look up as unknown with lookup_unavailable, and still prices the cart', async () => {
    // code-inventory is not reachable from this app (CODE_INVENTORY_URL points at a closed port).
    const isolated = await startPricingApp({}, clock);
    try {
      const channel = `web-${uniqueSuffix()}`;
      expect((await isolated.admin('POST', '/v1/promotions', anAutomatic().withChannel(channel).withAmountOff(100).build())).status).toBe(201);
      const code = `BULK-${uniqueSuffix()}`;
      const cart = aCart(channel).withLine(1000).withCodes(code).build();
      const priced = await waitFor(async () => {
        const body = (await (await isolated.storefront('POST', '/v1/carts/price', cart)).json()) as PricedBody;
        return body.total === 900 ? body : undefined;
      }, { timeoutMs: 15_000, description: 'the automatic promotion is in the index' });
      expect(priced.codes[code]).toMatchObject({ status: 'rejected', reason: 'unknown', detail: 'lookup_unavailable' });
    } finally {
      await isolated.close();
    }
  }, 60_000);

  it('stores settings with optimistic concurrency, and prices with them (P9)', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const [first, second] = [`ONE-${uniqueSuffix()}`, `TWO-${uniqueSuffix()}`];
    await create(aCoupon([first]).withChannel(channel).withAmountOff(100).build());
    await create(aCoupon([second]).withChannel(channel).withAmountOff(200).build());
    const cart = aCart(channel).withLine(1000).withCodes(first, second).build();
    // Default: one code per order, the second is not combinable.
    const single = await waitFor(async () => {
      const body = await price(cart);
      return body.codes[second]?.reason === 'not_combinable' ? body : undefined;
    }, { timeoutMs: 15_000, description: 'both coupons are in the index' });
    expect(single.total).toBe(900);

    const current = await pricing.admin('GET', '/v1/settings');
    const etag = current.headers.get('etag') ?? '';
    const invalid = await pricing.admin('PUT', '/v1/settings', { calculation: 'sideways', timeZone: 'Mars/Olympus', locale: 'not a locale!' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['calculation', 'locale', 'timeZone']);

    const saved = await pricing.admin('PUT', '/v1/settings', { maxCodesPerOrder: 2, calculation: 'cumulative', timeZone: 'UTC', locale: 'de-de' }, { 'if-match': etag });
    expect(saved.status).toBe(200);
    // The display locale is kept in its canonical form beside the pricing settings.
    expect(await saved.json()).toMatchObject({ maxCodesPerOrder: 2, locale: 'de-DE' });
    expect(await (await pricing.admin('GET', '/v1/settings')).json()).toMatchObject({ locale: 'de-DE' });
    try {
      expect((await pricing.admin('PUT', '/v1/settings', { maxCodesPerOrder: 3 }, { 'if-match': etag })).status).toBe(409);
      // Both codes: $10.00 − $1.00 − $2.00.
      expect((await price(cart)).total).toBe(700);
    } finally {
      expect((await pricing.admin('PUT', '/v1/settings', { maxCodesPerOrder: 1, calculation: 'cumulative', timeZone: 'UTC' })).status).toBe(200);
    }
  });

  it('dry-runs draft promotions, added or replacing, and stores nothing', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const stored = anAutomatic().withChannel(channel).withPercentOff(10).build();
    await create(stored);
    const cart = aCart(channel).withLine(1000, 2).build();
    await waitFor(async () => (await price(cart)).total === 1800, { timeoutMs: 15_000, description: 'the stored promotion is in the index' });

    const redis = pricing.app.get<Redis>(REDIS);
    const recentCarts = pricing.app.get(RecentCartsStore);
    const count = async (): Promise<[number, number, number]> => {
      await recentCarts.flush();
      const promotions = await pricing.sql.query<{ n: string }>(`SELECT count(*) AS n FROM promotions`);
      const outbox = await pricing.sql.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_messages`);
      return [Number(promotions.rows[0]?.n), Number(outbox.rows[0]?.n), await redis.zcard(RECENT_CARTS_ORDER_KEY)];
    };
    const before = await count();
    const draftCode = `DRAFT-${uniqueSuffix()}`;
    const response = await pricing.admin('POST', '/v1/carts/price/dry-run', {
      cart: { ...cart, codes: [draftCode] },
      promotions: [
        { ...stored, rules: [{ reward: { type: 'orderPercent', percent: 50 } }] },
        aCoupon([draftCode]).withAmountOff(100).build(),
      ],
    });
    expect(response.status).toBe(200);
    // 2000 − 50% = 1000, then the draft code's $1.00: 900.
    expect(await response.json()).toMatchObject({ total: 900, codes: { [draftCode]: { status: 'applied' } } });
    expect(await count()).toEqual(before);
    // The stored promotion still prices as before.
    expect((await price({ ...cart, codes: [] })).total).toBe(1800);

    const invalid = await pricing.admin('POST', '/v1/carts/price/dry-run', { cart, promotions: [{ ...stored, rules: [] }] });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['promotions[0].rules']);
  });

  it('previews the impact of a draft over the carts it priced', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const cartA = aCart(channel, `impact-a-${uniqueSuffix()}`).withLine(1000, 2).build();
    const cartB = aCart(channel, `impact-b-${uniqueSuffix()}`).withLine(5000).build();
    // Cart A is priced three times as the shopper changes it: the sample holds its latest version once.
    await price(aCart(channel, cartA['cartId'] as string).withLine(1000, 5).build());
    await price(cartB);
    await price(aCart(channel, cartA['cartId'] as string).withLine(1000, 3).build());
    await price(cartA);
    const draft = anAutomatic().withChannel(channel).withPercentOff(10).build();
    const response = await pricing.admin('POST', '/v1/promotions/impact', { promotions: [draft], carts: 2 });
    expect(response.status).toBe(200);
    // 10% of $50.00 and of $20.00 (cart A as last priced: 2 × $10.00).
    expect(await response.json()).toEqual({
      cartsExamined: 2,
      cartsChanged: 2,
      discountAdded: { USD: 700 },
      mostAffected: [
        { cartId: cartB['cartId'], currency: 'USD', discountBefore: 0, discountAfter: 500, discountAdded: 500 },
        { cartId: cartA['cartId'], currency: 'USD', discountBefore: 0, discountAfter: 200, discountAdded: 200 },
      ],
    });
  });
});
