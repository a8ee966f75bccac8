import { hashApiKey } from '@promo/platform';
import { testInfra, uniqueSuffix } from '@promo/platform/testing';
import { ADMIN_KEY, type InventoryApp, startInventoryApp, STOREFRONT_KEY } from './support/inventory-app';

const OTHER_STOREFRONT_KEY = 'test-other-storefront-key-code-inventory';
const PRICING_LOOKUP_KEY = 'test-code-lookup-key-code-inventory';

/** #19: code guessing is bounded per key and per client, across replicas (the counters live in Redis). */
describe('code lookup rate limit, two replicas (#19)', () => {
  const replicas: InventoryApp[] = [];

  beforeAll(async () => {
    // Both replicas share one Redis prefix, as replicas of one deployment do.
    const shared = {
      REDIS_KEY_PREFIX: `${testInfra().redisKeyPrefix}${uniqueSuffix()}:`,
      API_KEYS: `admin:${hashApiKey(ADMIN_KEY)},storefront:${hashApiKey(STOREFRONT_KEY)},storefront:${hashApiKey(OTHER_STOREFRONT_KEY)},code-lookup:${hashApiKey(PRICING_LOOKUP_KEY)}`,
      CODE_LOOKUP_LIMIT_PER_KEY: '4',
      CODE_LOOKUP_LIMIT_PER_CLIENT: '6',
      CODE_LOOKUP_LIMIT_WINDOW_MS: '60000',
    };
    replicas.push(await startInventoryApp(shared), await startInventoryApp(shared));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  const lookUp = async (replica: InventoryApp | undefined, key: string): Promise<{ status: number; retryAfter: string | null }> => {
    const response = await fetch(`${replica?.baseUrl ?? ''}/v1/codes/GUESS-${uniqueSuffix()}`, { headers: { 'x-api-key': key } });
    await response.body?.cancel();
    return { status: response.status, retryAfter: response.headers.get('retry-after') };
  };

  it('answers 429 with Retry-After past the per-key limit, then past the per-client limit, whichever replica is asked', async () => {
    const [first, second] = replicas;
    const byKey = [];
    for (const replica of [first, second, first, second, first]) byKey.push(await lookUp(replica, STOREFRONT_KEY));
    expect(byKey.slice(0, 4).map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    expect(byKey[4]?.status).toBe(429);
    const retryAfter = Number(byKey[4]?.retryAfter);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Another key from the same client: the client has made 5 of its 6 lookups (the refused one counts too).
    expect((await lookUp(second, OTHER_STOREFRONT_KEY)).status).toBe(404);
    expect(await lookUp(first, OTHER_STOREFRONT_KEY)).toMatchObject({ status: 429 });
  });

  it("never counts pricing's code-lookup key, which answers for every shopper of the store", async () => {
    const [first, second] = replicas;
    // The client is past its limit (the case above), and this is more than the per-key limit too.
    const answers = [];
    for (const replica of [first, second, first, second, first, second]) answers.push((await lookUp(replica, PRICING_LOOKUP_KEY)).status);
    expect(answers).toEqual([404, 404, 404, 404, 404, 404]);
  });
});
