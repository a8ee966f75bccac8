import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, REDIS } from '@promo/platform';
import { type Cart, parseCart } from '@promo/pricing-engine';
import type { Redis } from 'ioredis';
import type { PricingConfig } from '../config/env.schema';

const KEY = 'recent-carts';
const PUSH_SCRIPT = readFileSync(join(__dirname, 'lua', 'push-recent-cart.lua'), 'utf8');

interface RecentCartsCommands {
  pushRecentCart(key: string, cartJson: string, keep: string): Promise<number>;
}

function hasCommands(redis: Redis): redis is Redis & RecentCartsCommands {
  return 'pushRecentCart' in redis && typeof redis.pushRecentCart === 'function';
}

/** The last N carts this service priced (Redis list, trimmed atomically by push-recent-cart.lua). */
@Injectable()
export class RecentCartsStore implements OnModuleInit {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: PricingConfig,
  ) {}

  onModuleInit(): void {
    if (!hasCommands(this.redis)) this.redis.defineCommand('pushRecentCart', { numberOfKeys: 1, lua: PUSH_SCRIPT });
  }

  async push(cart: Cart): Promise<number> {
    if (!hasCommands(this.redis)) throw new Error('pushRecentCart is not defined on the Redis client');
    return this.redis.pushRecentCart(KEY, JSON.stringify(cart), String(this.config.PRICING_RECENT_CARTS));
  }

  /** The most recent `count` carts, newest first; entries that no longer parse are skipped. */
  async latest(count: number): Promise<Cart[]> {
    const raw = await this.redis.lrange(KEY, 0, Math.max(0, count - 1));
    return raw.flatMap((text) => {
      const parsed = parseCart(JSON.parse(text));
      return parsed.ok ? [parsed.value] : [];
    });
  }
}
