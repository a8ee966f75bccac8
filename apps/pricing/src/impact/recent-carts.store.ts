import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, REDIS, type RedisClient } from '@promo/platform';
import { type Cart, parseCart } from '@promo/pricing-engine';
import type { PricingConfig } from '../config/env.schema';

// One hash tag: keep-recent-carts touches all three in one script, so on a Redis Cluster they share a slot.
export const RECENT_CARTS_ORDER_KEY = '{recent-carts}:order';
const CARTS_KEY = '{recent-carts}:carts';
const SEQUENCE_KEY = '{recent-carts}:sequence';
const KEEP_SCRIPT = readFileSync(join(__dirname, 'lua', 'keep-recent-carts.lua'), 'utf8');
const FLUSH_EVERY_MS = 100;

interface RecentCartsCommands {
  keepRecentCarts(orderKey: string, cartsKey: string, sequenceKey: string, keep: string, ...idsAndCarts: string[]): Promise<number>;
}

function hasCommands(redis: RedisClient): redis is RedisClient & RecentCartsCommands {
  return 'keepRecentCarts' in redis && typeof redis.keepRecentCarts === 'function';
}

/**
 * The last N distinct carts this service (every replica) priced: a sorted set of cart ids by recency and a hash
 * of their latest versions, trimmed atomically by keep-recent-carts.lua. A storefront re-prices the same cart
 * many times; the sample keeps its latest version once, so a busy cart neither fills the sample nor counts
 * twice in an impact preview. Carts are buffered (latest version per id) and serialised and pushed together
 * every 100 ms, so the price hot path neither waits on Redis nor serialises the cart (P11).
 */
@Injectable()
export class RecentCartsStore implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('recent-carts');
  /** Latest version of each cart priced since the last push, oldest first (a re-priced cart moves to the end). */
  private pending = new Map<string, Cart>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: Pick<PricingConfig, 'PRICING_RECENT_CARTS'>,
  ) {}

  onModuleInit(): void {
    if (!hasCommands(this.redis)) this.redis.defineCommand('keepRecentCarts', { numberOfKeys: 3, lua: KEEP_SCRIPT });
  }

  /** Before the Redis client closes (its own shutdown hook). */
  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Queues a priced cart; the oldest queued ones go first when more than N wait. */
  remember(cart: Cart): void {
    this.pending.delete(cart.cartId);
    this.pending.set(cart.cartId, cart);
    if (this.pending.size > this.config.PRICING_RECENT_CARTS) {
      const oldest = this.pending.keys().next();
      if (oldest.done !== true) this.pending.delete(oldest.value);
    }
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush().catch((error: unknown) => this.logger.warn({ err: error }, 'could not keep priced carts for impact previews'));
      }, FLUSH_EVERY_MS);
    }
  }

  /** Pushes what is queued; resolves to the number of distinct carts kept. */
  async flush(): Promise<number> {
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size === 0) return this.redis.zcard(RECENT_CARTS_ORDER_KEY);
    if (!hasCommands(this.redis)) throw new Error('keepRecentCarts is not defined on the Redis client');
    const idsAndCarts = [...batch].flatMap(([cartId, cart]) => [cartId, JSON.stringify(cart)]);
    return this.redis.keepRecentCarts(RECENT_CARTS_ORDER_KEY, CARTS_KEY, SEQUENCE_KEY, String(this.config.PRICING_RECENT_CARTS), ...idsAndCarts);
  }

  /** The most recent `count` distinct carts, newest first (queued ones included); entries that no longer parse are skipped. */
  async latest(count: number): Promise<Cart[]> {
    await this.flush();
    const ids = await this.redis.zrevrange(RECENT_CARTS_ORDER_KEY, 0, Math.max(0, count - 1));
    if (ids.length === 0) return [];
    const raw = await this.redis.hmget(CARTS_KEY, ...ids);
    return raw.flatMap((text) => {
      if (text === null) return [];
      const parsed = parseCart(JSON.parse(text));
      return parsed.ok ? [parsed.value] : [];
    });
  }
}
