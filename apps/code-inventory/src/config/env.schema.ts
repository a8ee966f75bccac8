import { commonEnvSchema } from '@promo/platform';
import { z } from 'zod';

/** `kid:secret` pairs; the first (or CODE_TOKEN_ACTIVE_KEY_ID) signs, every listed one verifies (C10 key rotation). */
const tokenKeys = z
  .string()
  .transform((value) => value.split(',').map((pair) => pair.trim()).filter((pair) => pair !== ''))
  .refine((pairs) => pairs.length > 0 && pairs.every((pair) => /^[A-Za-z0-9_-]{1,32}:.{16,}$/.test(pair)), 'must be kid:secret[,kid:secret...] with secrets of at least 16 characters');

/** The secret of the development default (also docker-compose.yml's): production refuses it whatever key id it is listed under. */
const DEVELOPMENT_TOKEN_SECRET = 'development-only-code-token-key';

/** The code-inventory service's environment, validated once at boot (STYLE.md "Config"). */
export const codeInventoryEnvSchema = commonEnvSchema({ httpPort: 3002 })
  .extend({
    // A development-only default; production must configure its own keys (refined below).
    CODE_TOKEN_KEYS: tokenKeys.default(`dev:${DEVELOPMENT_TOKEN_SECRET}`),
    CODE_TOKEN_ACTIVE_KEY_ID: z.string().optional(),
    /**
     * The consumer group; by default `<KAFKA_TOPIC_PREFIX>code-inventory`, so an instance on topics of its own
     * (a test) never joins, and never takes partitions from, another's group.
     */
    KAFKA_GROUP_ID: z.string().default(''),
    /**
     * Codes inserted per generation batch (one COPY + one transaction each). 250,000: sorted, a batch then
     * touches each page of the unique index about once for several keys (10M codes: 180 s against 219 s
     * with 100,000), while progress still moves every few seconds and a crash redoes at most one batch.
     */
    GENERATION_BATCH_SIZE: z.coerce.number().int().min(100).max(1_000_000).default(250_000),
    /** BullMQ lock of a generation job: after a crash the job resumes once this has passed. */
    GENERATION_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
    /** C4: the most one upload (list, CSV or stream) may hold: bytes of its body (413 beyond) and lines (400 beyond). */
    UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).max(4 * 1024 ** 3).default(256 * 1024 ** 2),
    UPLOAD_MAX_LINES: z.coerce.number().int().min(1).max(100_000_000).default(5_000_000),
    /**
     * Code lookups (GET /v1/codes/{code}) per API key and per client address in one window (#19), shared by the
     * replicas through Redis. Pricing looks bulk codes up with its own key from few addresses: its key and
     * addresses need room for the store's traffic (README "What bounds code guessing").
     */
    CODE_LOOKUP_LIMIT_PER_KEY: z.coerce.number().int().min(1).default(6_000),
    CODE_LOOKUP_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).default(1_200),
    CODE_LOOKUP_LIMIT_WINDOW_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.CODE_TOKEN_KEYS.some((pair) => pair.slice(pair.indexOf(':') + 1) === DEVELOPMENT_TOKEN_SECRET)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['CODE_TOKEN_KEYS'], message: 'production needs its own token keys' });
    }
    const active = env.CODE_TOKEN_ACTIVE_KEY_ID;
    if (active !== undefined && !env.CODE_TOKEN_KEYS.some((pair) => pair.startsWith(`${active}:`))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['CODE_TOKEN_ACTIVE_KEY_ID'], message: 'must name one of CODE_TOKEN_KEYS' });
    }
  });

export type CodeInventoryConfig = z.infer<typeof codeInventoryEnvSchema>;
