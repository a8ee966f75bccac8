import { uniqueSuffix } from '@promo/platform/testing';
import { aCart } from './builders/cart.builder';
import { anAutomatic } from './builders/promotion.builder';
import { pricingAppPerSuite } from './support/pricing-app';

/** #25: the console's pickers suggest what the recent carts carried; its cart builder previews at a chosen time. */
describe('catalog seen in recent carts, and the dry-run at a chosen time (#25)', () => {
  const app = pricingAppPerSuite();

  const get = async <T>(path: string): Promise<T> => {
    const response = await app().admin('GET', path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    const older = aCart('web', `seen-a-${uniqueSuffix()}`)
      .withCatalogLine({ sku: 'BOOT-42', productId: 'boot', unitPrice: 8500, categories: ['apparel/shoes'], brand: 'Ridge', options: { size: '42', color: 'red' } })
      .build();
    const newer = aCart('web', `seen-b-${uniqueSuffix()}`)
      .withCatalogLine({ sku: 'BOOT-42', productId: 'boot', unitPrice: 9000, categories: ['apparel/shoes', 'sale'], brand: 'Ridge', options: { size: '42' } })
      .withCatalogLine({ sku: 'TEE-M', productId: 'tee', unitPrice: 2500, quantity: 2, categories: ['apparel/tops'] })
      .build();
    for (const cart of [older, newer]) expect((await app().storefront('POST', '/v1/carts/price', cart)).status).toBe(200);
  });

  it('lists the categories of the priced lines, most lines first', async () => {
    expect(await get('/v1/catalog/seen?kind=category')).toEqual({
      kind: 'category',
      name: null,
      cartsExamined: 2,
      values: [{ value: 'apparel/shoes', lines: 2 }, { value: 'apparel/tops', lines: 1 }, { value: 'sale', lines: 1 }],
    });
  });

  it('lists option names, then the values of one option', async () => {
    expect((await get<{ values: unknown }>('/v1/catalog/seen?kind=option')).values).toEqual([{ value: 'size', lines: 2 }, { value: 'color', lines: 1 }]);
    expect((await get<{ values: unknown }>('/v1/catalog/seen?kind=option&name=color')).values).toEqual([{ value: 'red', lines: 1 }]);
  });

  it('lists the newest line of each SKU for the cart builder', async () => {
    expect(await get('/v1/catalog/seen-products')).toEqual({
      cartsExamined: 2,
      products: [
        { sku: 'BOOT-42', productId: 'boot', variantId: null, categories: ['apparel/shoes', 'sale'], brand: 'Ridge', currency: 'USD', unitPrice: 9000 },
        { sku: 'TEE-M', productId: 'tee', variantId: null, categories: ['apparel/tops'], brand: null, currency: 'USD', unitPrice: 2500 },
      ],
    });
  });

  it('refuses an unknown kind, naming the field', async () => {
    const response = await app().admin('GET', '/v1/catalog/seen?kind=colour');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['kind']);
  });

  it('is for admin keys only', async () => {
    expect((await app().storefront('GET', '/v1/catalog/seen?kind=category')).status).toBe(403);
  });

  it('dry-runs a scheduled draft at a time inside its window, and refuses an `at` that is no instant', async () => {
    const draft = anAutomatic().withPercentOff(10).build();
    const scheduled = { ...draft, schedule: { start: '2031-11-27T00:00:00', end: '2031-11-30T23:59:59', timeZone: 'UTC' } };
    const cart = aCart('web').withLine(5000).build();
    const during = await app().admin('POST', '/v1/carts/price/dry-run', { cart, promotions: [scheduled], at: '2031-11-28T10:00:00Z' });
    expect(during.status).toBe(200);
    // 10% of $50.00.
    expect(await during.json()).toMatchObject({ total: 4500 });
    const before = await app().admin('POST', '/v1/carts/price/dry-run', { cart, promotions: [scheduled], at: '2031-11-26T10:00:00Z' });
    expect(await before.json()).toMatchObject({ total: 5000 });
    const invalid = await app().admin('POST', '/v1/carts/price/dry-run', { cart, promotions: [scheduled], at: 'next friday' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['at']);
  });
});
