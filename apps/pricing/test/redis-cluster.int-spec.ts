import { createRedisConnection, type RedisClient } from '@promo/platform';
import { type LocalRedisCluster, startLocalRedisCluster, uniqueSuffix } from '@promo/platform/testing';
import { type Cart, parseCart } from '@promo/pricing-engine';
import { RecentCartsStore } from '../src/impact/recent-carts.store';
import { aCart } from './builders/cart.builder';

/** Its own ports (the ledger's cluster test uses 17100, campaigns' 17110). */
const CLUSTER_PORT = Number(process.env['TEST_PRICING_REDIS_CLUSTER_PORT'] ?? 17120);

/**
 * Issue 20: the recent-carts sample (impact previews) on a Redis Cluster. keep-recent-carts.lua takes its
 * three keys in one call; their shared hash tag keeps them in one slot (a CROSSSLOT reply fails the flush).
 */
function cart(cartId: string, unitPrice: number): Cart {
  const parsed = parseCart(aCart('web', cartId).withLine(unitPrice).build());
  if (!parsed.ok) throw new Error(`the builder's cart does not parse: ${JSON.stringify(parsed)}`);
  return parsed.value;
}

describe('the recent-carts store on a Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  let redis: RedisClient;

  beforeAll(async () => {
    cluster = await startLocalRedisCluster(CLUSTER_PORT);
    redis = createRedisConnection({ url: 'redis://127.0.0.1:1', clusterNodes: cluster.nodes }, { keyPrefix: `test-${uniqueSuffix()}:pricing:`, maxRetriesPerRequest: 3 });
  }, 120_000);

  afterAll(async () => {
    await redis?.quit();
    await cluster?.stop();
  }, 60_000);

  it('keeps the latest version of the most recent carts, newest first', async () => {
    const store = new RecentCartsStore(redis, { PRICING_RECENT_CARTS: 3 });
    store.onModuleInit();
    for (const n of [1, 2, 3, 4]) store.remember(cart(`cart-${n}`, 1000 * n));
    expect(await store.flush()).toBe(3);
    // cart-2 priced again: its latest version moves to the front, cart-3 and cart-4 stay, nothing else.
    store.remember(cart('cart-2', 9900));

    const latest = await store.latest(10);
    expect(latest.map((kept) => [kept.cartId, kept.lines[0]?.unitPrice])).toEqual([
      ['cart-2', 9900],
      ['cart-4', 4000],
      ['cart-3', 3000],
    ]);
    await store.beforeApplicationShutdown();
  }, 60_000);
});
