import { hostname } from 'node:os';
import { commonEnvSchema } from '@promo/platform';
import { z } from 'zod';

const positiveInt = z.coerce.number().int().min(1);

/** The pricing service's environment, validated once at boot (STYLE.md "Config"). */
export const pricingEnvSchema = commonEnvSchema({ httpPort: 3001 }).extend({
  /** This replica's name: its index consumer group is `pricing-index-<id>` so every replica sees every change. */
  PRICING_INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default(`${hostname()}-${process.pid}`),
  /** The consumer group of the shared work (`cart.updated`, `redemption.*`); tests give their own. */
  PRICING_CONSUMER_GROUP: z.string().min(1).default('pricing'),
  /**
   * Partitions of the shared work handled at once by one replica. Each `cart.updated` is priced on its own
   * and the usage projection only adds, so carts of different partitions need no order between them; one
   * cart (one key, one partition) is still handled in order. Pricing waits on Postgres for each event's
   * transaction, so a few partitions at once keep the core busy.
   */
  PRICING_CONSUMER_CONCURRENCY: positiveInt.max(64).default(4),
  /** How often a replica checks the store for changes it may have missed (a safety net beside the events). */
  PRICING_INDEX_POLL_MS: positiveInt.default(5_000),
  /**
   * How a replica takes in a promotion change (#21): `incremental` applies the rows changed since its index version
   * to the live index; `full` reads and compiles the whole store each time (the path before #21, kept as the
   * benchmark's baseline and as a way back).
   */
  PRICING_INDEX_UPDATES: z.enum(['incremental', 'full']).default('incremental'),
  /**
   * How often a replica re-reads the uses of its automatic promotions that have a total limit (L1), so the price
   * answer says `limit_reached` once they are spent without a query per cart (P11); the ledger stays the authority.
   */
  PRICING_USAGE_REFRESH_MS: positiveInt.default(1_000),
  /** How many priced carts the impact preview keeps: the most recently priced distinct carts, each as last priced. */
  PRICING_RECENT_CARTS: positiveInt.max(100_000).default(1_000),
  /** 1: also serve `POST /v1/carts/price-baseline`, the price route's benchmark baseline (#21); only the benchmark sets it. */
  PRICING_BENCH_BASELINE: z.enum(['0', '1']).default('0'),
  CODE_INVENTORY_URL: z.string().url().default('http://127.0.0.1:3002'),
  /**
   * Pricing's key to code-inventory, of the code-lookup scope: it looks codes up and registers its coupons' shared
   * codes (C2, #19.4); never an admin key (never logged).
   */
  CODE_INVENTORY_API_KEY: z.string().default(''),
  CODE_INVENTORY_TIMEOUT_MS: positiveInt.default(300),
  /** Per attempt of a shared-code registration (an admin save, not the price path). */
  CODE_INVENTORY_REGISTRY_TIMEOUT_MS: positiveInt.default(2_000),
  CODE_INVENTORY_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  /** Consecutive failures that open the circuit, and how long it stays open. */
  CODE_INVENTORY_BREAKER_THRESHOLD: positiveInt.default(5),
  CODE_INVENTORY_BREAKER_OPEN_MS: positiveInt.default(5_000),
  CODE_LOOKUP_CACHE_SIZE: positiveInt.default(10_000),
  CODE_LOOKUP_CACHE_TTL_MS: positiveInt.default(60_000),
});

export type PricingConfig = z.infer<typeof pricingEnvSchema>;
