import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, REDIS } from '@promo/platform';
import { type Cart, parseCart } from '@promo/pricing-engine';
import type { Redis } from 'ioredis';
import type { PricingConfig } from '../config/env.schema';

const KEY = 'recent-carts';
const PUSH_SCRIPT = readFileSync(join(__dirname, 'lua', 'push-recent-carts.lua'), 'utf8');
const FLUSH_EVERY_MS = 100;

interface RecentCartsCommands {
  pushRecentCarts(key: string, keep: string, ...cartsJson: string[]): Promise<number>;
}

function hasCommands(redis: Redis): redis is Redis & RecentCartsCommands {
  return 'pushRecentCarts' in redis && typeof redis.pushRecentCarts === 'function';
}

/**
 * The last N carts this service priced (a Redis list trimmed atomically by push-recent-carts.lua). Carts are
 * buffered and pushed together every 100 ms, so the price hot path never waits on Redis (P11).
 */
@Injectable()
export class RecentCartsStore implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('recent-carts');
  private pending: string[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: PricingConfig,
  ) {}

  onModuleInit(): void {
    if (!hasCommands(this.redis)) this.redis.defineCommand('pushRecentCarts', { numberOfKeys: 1, lua: PUSH_SCRIPT });
  }

  /** Before the Redis client closes (its own shutdown hook). */
  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Queues a priced cart; the oldest queued ones go first when more than N wait. */
  remember(cart: Cart): void {
    this.pending.push(JSON.stringify(cart));
    if (this.pending.length > this.config.PRICING_RECENT_CARTS) this.pending.splice(0, this.pending.length - this.config.PRICING_RECENT_CARTS);
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush().catch((error: unknown) => this.logger.warn({ err: error }, 'could not keep priced carts for impact previews'));
      }, FLUSH_EVERY_MS);
    }
  }

  /** Pushes what is queued; resolves to the number of carts kept. */
  async flush(): Promise<number> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return this.redis.llen(KEY);
    if (!hasCommands(this.redis)) throw new Error('pushRecentCarts is not defined on the Redis client');
    return this.redis.pushRecentCarts(KEY, String(this.config.PRICING_RECENT_CARTS), ...batch);
  }

  /** The most recent `count` carts, newest first (queued ones included); entries that no longer parse are skipped. */
  async latest(count: number): Promise<Cart[]> {
    await this.flush();
    const raw = await this.redis.lrange(KEY, 0, Math.max(0, count - 1));
    return raw.flatMap((text) => {
      const parsed = parseCart(JSON.parse(text));
      return parsed.ok ? [parsed.value] : [];
    });
  }
}
