import { commonEnvSchema } from '@promo/platform';
import { z } from 'zod';

/** The redemption-ledger service's environment, validated once at boot (STYLE.md "Config"). */
export const redemptionLedgerEnvSchema = commonEnvSchema({ httpPort: 3003 }).extend({
  /** L2: how long a reservation holds its uses unless `order.placed` commits it (default 15 min). */
  RESERVATION_TTL_MS: z.coerce.number().int().min(1).default(900_000),
  /** How often the sweeper looks for reservations past their expiry. */
  EXPIRY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(10).default(1_000),
  /** How often the Redis sentinel key is checked (L3: loss detection). */
  SENTINEL_CHECK_INTERVAL_MS: z.coerce.number().int().min(10).default(1_000),
  /** Retry-After (seconds) of a 503 answered while counters are rebuilt. */
  REBUILD_RETRY_AFTER_S: z.coerce.number().int().min(1).default(1),
  /** Replicas that must acknowledge each usage step (Redis WAIT, src/usage/redis-replication.ts); unset: 1 on a Redis Cluster, 0 on one Redis. */
  LEDGER_REDIS_WAIT_REPLICAS: z.coerce.number().int().min(0).max(5).optional(),
  /** How long a usage step waits for those acknowledgements before it answers 503 (or the event is retried). */
  LEDGER_REDIS_WAIT_TIMEOUT_MS: z.coerce.number().int().min(1).max(10_000).default(1_000),
  /** Consumer group id; defaults to the service name (tests run their own). */
  KAFKA_GROUP_ID: z.string().default(''),
});

export type RedemptionLedgerConfig = z.infer<typeof redemptionLedgerEnvSchema>;
