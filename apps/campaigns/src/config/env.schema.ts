import { commonEnvSchema } from '@promo/platform';
import { z } from 'zod';

const DEVELOPMENT_SIGNING_KEY = 'local-development-link-signing-key';
/** Link signing keys written in this repository (the default above, docker-compose.yml's): production refuses each. */
const PUBLISHED_SIGNING_KEYS: readonly string[] = [DEVELOPMENT_SIGNING_KEY, 'compose-development-link-signing-key'];

/** The campaigns service's environment, validated once at boot (STYLE.md "Config"). */
export const campaignsEnvSchema = commonEnvSchema({ httpPort: 3004 }).extend({
  /** The consumer group; defaults to the app name (STYLE.md §3). */
  KAFKA_GROUP_ID: z.string().min(1).default('campaigns'),
  CODE_INVENTORY_URL: z.string().url().default('http://127.0.0.1:3002'),
  /** Campaigns' key to code-inventory, of the code-issue scope: it only issues codes (#19); never an admin key (never logged). */
  CODE_INVENTORY_API_KEY: z.string().default(''),
  /**
   * How long one call to code-inventory may take, its answer's body included (ARCHITECTURE.md: every
   * service-to-service call has a timeout). An issue-batch of 100 codes takes tens of milliseconds.
   */
  CODE_INVENTORY_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
  /** Unavailable answers in a row (timeout, unreachable, 5xx, 429) that open this replica's circuit breaker to code-inventory. */
  CODE_INVENTORY_BREAKER_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  /** How long the open breaker refuses calls before letting one trial call through. */
  CODE_INVENTORY_BREAKER_OPEN_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  SMTP_URL: z.string().url().default('smtp://127.0.0.1:1025'),
  EMAIL_FROM: z.string().min(3).default('Shop <shop@example.test>'),
  /** Where the unsubscribe and tracked links point (this service's public address). */
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:3004'),
  /** The storefront, for links of emails without a recovery URL (retention). */
  SHOP_URL: z.string().url().default('https://shop.example.test'),
  /**
   * The store's locale (BCP 47), in which emails write amounts (#19.8): the same value as the store's
   * locale in the pricing settings, which the console shows money in.
   */
  STORE_LOCALE: z
    .string()
    .default('en-US')
    .refine((locale) => {
      try {
        return Intl.getCanonicalLocales(locale).length === 1;
      } catch {
        return false;
      }
    }, 'must be a BCP 47 locale such as en-US or de-DE'),
  /** HMAC key of the unsubscribe and tracked links. */
  LINK_SIGNING_KEY: z.string().min(16).default(DEVELOPMENT_SIGNING_KEY),
  /** How often the decider re-checks the watermark when nothing woke it up. */
  DECIDER_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  SMTP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /**
   * Attempts at an email whose build or send fails for a passing reason (a database error, anything not
   * known to be permanent) before it is marked failed; between two, EMAIL_RETRY_BASE_MS doubled per attempt,
   * at most 15 minutes. The defaults span about an hour.
   */
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  SMTP_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(200),
  /**
   * How long one step of an SMTP conversation may take: opening the connection, the greeting, and the
   * silence of the server after any command (nodemailer's connection, greeting and socket timeouts; its
   * own defaults are 2, 0.5 and 10 minutes, far beyond a claim's lease). A step past it fails the attempt.
   */
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /**
   * The lease of a replica's claim on a queued email (EmailClaims), in Postgres time. A live replica renews
   * its claims every third of it; one killed leaves claims that another replica takes over once they
   * expire, and sends those emails then (with the same Message-ID). At least twice SMTP_TIMEOUT_MS (a
   * connection and one stalled step), so a send started under a claim just confirmed ends, or fails,
   * before that claim can expire even if no renewal gets through.
   */
  EMAIL_CLAIM_LEASE_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
  /**
   * Emails sent at once, each over a pooled SMTP connection of its own. Sized for a relay across a
   * network, not for loopback: there each connection carries about one message per 5 round trips (~4/s
   * at 50 ms), so 16 give ~60/s, while staying well inside what relays accept from one client (Postfix
   * allows 50 connections per client by default, hosted relays often 10 to 20; beyond their limit they
   * answer 421, which only turns into retries). To a local maildev 8 and 16 both send ~260-380 emails/s
   * with code issuance (#9 bench, goal 200): the CPU limits there, not SMTP. An operator whose relay
   * accepts more connections raises it (up to 64).
   */
  SEND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(16),
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === 'production' && PUBLISHED_SIGNING_KEYS.includes(env.LINK_SIGNING_KEY)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['LINK_SIGNING_KEY'], message: 'production needs its own link signing key' });
  }
  if (env.EMAIL_CLAIM_LEASE_MS < 2 * env.SMTP_TIMEOUT_MS) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['EMAIL_CLAIM_LEASE_MS'], message: `must be at least twice SMTP_TIMEOUT_MS (${env.SMTP_TIMEOUT_MS})` });
  }
});

export type CampaignsConfig = z.infer<typeof campaignsEnvSchema>;
