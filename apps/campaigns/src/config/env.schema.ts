import { commonEnvSchema } from '@promo/platform';
import { z } from 'zod';

const DEVELOPMENT_SIGNING_KEY = 'local-development-link-signing-key';

/** The campaigns service's environment, validated once at boot (STYLE.md "Config"). */
export const campaignsEnvSchema = commonEnvSchema({ httpPort: 3004 }).extend({
  /** Prepended to every consumed upstream topic (tests run on topics of their own). */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  /** The consumer group; defaults to the app name (STYLE.md §3). */
  KAFKA_GROUP_ID: z.string().min(1).default('campaigns'),
  CODE_INVENTORY_URL: z.string().url().default('http://127.0.0.1:3002'),
  CODE_INVENTORY_API_KEY: z.string().default(''),
  SMTP_URL: z.string().url().default('smtp://127.0.0.1:1025'),
  EMAIL_FROM: z.string().min(3).default('Shop <shop@example.test>'),
  /** Where the unsubscribe and tracked links point (this service's public address). */
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:3004'),
  /** The storefront, for links of emails without a recovery URL (retention). */
  SHOP_URL: z.string().url().default('https://shop.example.test'),
  /** HMAC key of the unsubscribe and tracked links. */
  LINK_SIGNING_KEY: z.string().min(16).default(DEVELOPMENT_SIGNING_KEY),
  /** How often the decider re-checks the watermark when nothing woke it up. */
  DECIDER_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  SMTP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  SMTP_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(200),
  SEND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === 'production' && env.LINK_SIGNING_KEY === DEVELOPMENT_SIGNING_KEY) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['LINK_SIGNING_KEY'], message: 'production needs its own link signing key' });
  }
});

export type CampaignsConfig = z.infer<typeof campaignsEnvSchema>;
