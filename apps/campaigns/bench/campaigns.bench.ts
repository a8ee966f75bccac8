/**
 * Campaigns benchmark (#9), against the real Postgres, Redis, Kafka, SMTP server and code-inventory of the run:
 * - BENCH_CARTS carts (default 100,000) each rescheduled 5 times through the abandoned-cart BullMQ
 *   queue (remove + add of the deterministic job id, absolute due time): reschedules/s;
 * - Redis bytes per scheduled cart (MEMORY USAGE summed over the queue's keys, after the 5th round);
 * - BENCH_EMAILS queued emails (default 2,000), one per customer, built with a `promocode` macro (a
 *   fresh code from the real code-inventory per email: the dispatcher issues a page's codes through
 *   `issue-batch` before sending it) and sent over SMTP, each time beside bare nodemailer sends to the
 *   same server with as many pooled connections as the service has (SEND_CONCURRENCY): `baseline=` is
 *   the SMTP path's own ceiling at that concurrency, `ratio=` our share of it. Twice: to maildev, the
 *   local SMTP server of `npm start` and the one the issue names (`campaigns.emails_per_s`, the primary
 *   figure), and to a fast SMTP sink the bench starts (`campaigns.emails_per_s_fast_smtp`: a real
 *   `smtp-server` that accepts and discards).
 *   The ~100 emails/s once read as maildev's ceiling was nodemailer's, twice over: given a `url`,
 *   createTransport ignores every other option, so `pool` was lost and each message opened a connection
 *   of its own (smtp-server waits 100 ms before greeting), and with Nagle's algorithm on each body waited
 *   ~40 ms for the server's delayed ACK (~150 ms per message per connection in all). The service and
 *   this baseline now parse the URL and open their sockets without Nagle (connectWithoutDelay): bare
 *   sends with 16 connections went from ~105/s to ~950/s to maildev and ~1,500/s to the sink (shared
 *   2-core machine, 2026-11-25), so maildev is the primary figure's server again and the baseline is
 *   no longer near our rate.
 * - `campaigns.ingest_per_s` (#21): BENCH_INGEST_EVENTS (default 10,000) `cart.updated` into one service
 *   process, beside an idle consumer of the same records (bench/campaigns-ingest.ts).
 * BENCH_PARTS=reschedules,emails,emails_fast,ingest picks parts (default all); BENCH_SEND_CONCURRENCY overrides
 * the service's default SEND_CONCURRENCY.
 * Prints `BENCH name=... value=... unit=...` lines; asserts nothing about time.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { bullQueuePrefix, createBullConnection, EventTimeClock, hashApiKey, parseEnv } from '@promo/platform';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { migrateService } from '@promo/service-runtime';
import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { createTransport } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { Client } from 'pg';
import { AppModule, CAMPAIGNS_SCHEMA, CAMPAIGNS_SERVICE, campaignsEntities } from '../src/app.module';
import { campaignsEnvSchema } from '../src/config/env.schema';
import { EmailDispatcher } from '../src/email/email.dispatcher';
import { messageIdFor, retentionEmailId } from '../src/email/email-identity';
import { connectWithoutDelay } from '../src/email/smtp-socket';
import { campaignsMigrations } from '../src/migrations';
import { ABANDONED_CART_APP, AbandonedCartQueue } from '../src/scheduling/abandoned-cart.queue';
import { benchCampaignsIngest } from './campaigns-ingest';
import { startSmtpSink } from './smtp-sink';

const CARTS = Number(process.env['BENCH_CARTS'] ?? 100_000);
const UPDATES_PER_CART = 5;
const EMAILS = Number(process.env['BENCH_EMAILS'] ?? 2_000);
const CONCURRENCY = 64;
/** BENCH_EMAIL_CODES=0 sends without the code macro, to tell SMTP time from code issuance. */
const WITH_CODES = process.env['BENCH_EMAIL_CODES'] !== '0';
const ADMIN = 'bench-admin-key';
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'reschedules,emails,emails_fast,ingest').split(','));
const INGEST_EVENTS = Number(process.env['BENCH_INGEST_EVENTS'] ?? 10_000);
/** Concurrent sends of the service under bench (SEND_CONCURRENCY); the service's default unless given. */
const SEND_CONCURRENCY = process.env['BENCH_SEND_CONCURRENCY'];

interface SmtpTarget {
  /** The BENCH name of the figure. */
  readonly name: string;
  readonly smtpUrl: string;
  /** Removes the bench's messages afterwards, when the server keeps them. */
  readonly cleanUp?: (campaignIds: readonly string[]) => Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through \`npm run bench\``);
  return value;
}

function bench(name: string, value: number, unit: string, extra = ''): void {
  process.stdout.write(`BENCH name=${name} value=${value} unit=${unit}${extra}\n`);
}

function note(message: string): void {
  process.stdout.write(`# ${message}\n`);
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function inParallel(count: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        await work(index);
      }
    }),
  );
}

async function createDatabase(base: string, name: string): Promise<string> {
  const client = new Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(base: string, name: string): Promise<void> {
  const client = new Client({ connectionString: base });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}

async function benchReschedules(env: Record<string, string>): Promise<void> {
  const config = parseEnv(campaignsEnvSchema, env);
  const queue = new AbandonedCartQueue(config);
  const base = Date.parse('2026-11-20T00:00:00Z');
  const now = new Date(base);
  const started = performance.now();
  for (let round = 1; round <= UPDATES_PER_CART; round += 1) {
    // A later update moves the due time; the job keeps its id (campaign, cart, step).
    await inParallel(CARTS, (index) => queue.schedule({ campaignId: 'bench', cartId: `cart-${index}`, step: 1 }, new Date(base + 365 * 86_400_000 + round * 60_000 + index), now));
  }
  const seconds = (performance.now() - started) / 1000;
  bench('campaigns.reschedules_per_s', Math.round((CARTS * UPDATES_PER_CART) / seconds), 'reschedules/s', ` carts=${CARTS} updates=${UPDATES_PER_CART}`);

  const prefix = `${bullQueuePrefix(config, ABANDONED_CART_APP)}:`;
  const connection = createBullConnection(config);
  let bytes = 0;
  let keys = 0;
  let cursor = '0';
  do {
    const [nextCursor, found] = await connection.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = nextCursor;
    const pipeline = connection.pipeline();
    for (const key of found) pipeline.memory('USAGE', key, 'SAMPLES', '0');
    for (const [, usage] of (await pipeline.exec()) ?? []) bytes += typeof usage === 'number' ? usage : 0;
    keys += found.length;
  } while (cursor !== '0');
  const delayed = await queue.queue.getDelayedCount();
  await connection.quit();
  bench('campaigns.redis_bytes_per_cart', Math.round(bytes / CARTS), 'bytes', ` keys=${keys} delayed_jobs=${delayed}`);
  await queue.queue.obliterate({ force: true });
  await queue.onApplicationShutdown();
}

/** The SMTP path's own ceiling: bare nodemailer sends with the service's transport options and pool size (SEND_CONCURRENCY), no database, no code. */
async function rawSmtpEmailsPerSecond(smtpUrl: string, count: number, campaignId: string, connections: number): Promise<number> {
  const transport = createTransport({ ...parseConnectionUrl(smtpUrl), pool: true, maxConnections: connections, maxMessages: Number.POSITIVE_INFINITY, getSocket: connectWithoutDelay });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        await transport.sendMail({ from: 'bench@example.test', to: `raw-${index}@example.test`, subject: 'baseline', text: 'baseline', headers: { 'X-Campaign-Id': campaignId } });
      }
    }),
  );
  transport.close();
  return count / ((performance.now() - started) / 1000);
}

async function benchEmails(env: Record<string, string>, pgBase: string, target: SmtpTarget): Promise<void> {
  const inventoryDb = `campaigns_bench_inventory_${uniqueSuffix()}`;
  const campaignsDb = `campaigns_bench_${uniqueSuffix()}`;
  const inventoryEnv = {
    ...env,
    PG_URL: await createDatabase(pgBase, inventoryDb),
    KAFKA_TOPIC_PREFIX: `campaigns-bench-inventory-${uniqueSuffix()}.`,
    HTTP_PORT: String(await freePort()),
    PG_POOL_SIZE: '20',
  };
  let inventory: ServiceProcess | undefined;
  const suffix = uniqueSuffix();
  const campaignId = `bench-${suffix}`;
  const appEnv = { ...env, SMTP_URL: target.smtpUrl, PG_URL: await createDatabase(pgBase, campaignsDb), ...(SEND_CONCURRENCY ? { SEND_CONCURRENCY } : {}), DECIDER_INTERVAL_MS: '1000' };
  try {
    const migration = startServiceProcess('code-inventory', 'migrate', inventoryEnv);
    if ((await migration.exited).code !== 0) throw new Error(`code-inventory migration failed:\n${migration.output()}`);
    inventory = startServiceProcess('code-inventory', 'main', inventoryEnv);
    await waitUntilReady(inventory);
    const call = async (url: string, method: string, body: unknown): Promise<void> => {
      const response = await fetch(url, { method, headers: { 'x-api-key': ADMIN, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    };
    await call(`${inventory.baseUrl}/v1/groups`, 'POST', { groupId: 'BENCH', name: 'Bench', promotionId: 'promo-bench' });
    await call(`${inventory.baseUrl}/v1/groups/BENCH/codes`, 'POST', { codes: Array.from({ length: EMAILS }, (_, i) => `BENCH-${suffix}-${String(i).padStart(6, '0')}`.toUpperCase()) });

    await migrateService({ service: CAMPAIGNS_SERVICE, schema: CAMPAIGNS_SCHEMA, envSchema: campaignsEnvSchema, env: appEnv, entities: campaignsEntities, migrations: campaignsMigrations });
    const config = parseEnv(campaignsEnvSchema, { ...appEnv, CODE_INVENTORY_URL: inventory.baseUrl, CODE_INVENTORY_API_KEY: ADMIN });
    const app = await NestFactory.create(AppModule.forRoot(config, new EventTimeClock('2026-11-20T00:00:00Z')), { logger: false });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    await call(`${baseUrl}/v1/campaigns`, 'POST', {
      campaignId,
      name: 'Bench retention',
      kind: 'retention',
      minimumDaysInactive: 60,
      template: { subject: 'We miss you', text: `Hi {{customer.email}}, here is ${WITH_CODES ? "{{promocode 'BENCH'}}" : 'no code'}\nUnsubscribe: {{unsubscribeUrl}}` },
    });
    const db = new Client({ connectionString: appEnv.PG_URL, options: '-c search_path=campaigns' });
    await db.connect();
    const detectedAt = new Date('2026-11-20T00:00:00Z');
    for (let offset = 0; offset < EMAILS; offset += 500) {
      const ids = Array.from({ length: Math.min(500, EMAILS - offset) }, (_, i) => `bench-cu-${offset + i}`);
      await db.query(
        `INSERT INTO emails (email_id, kind, campaign_id, step, customer_id, recipient, due_at, message_id, status, attempts, created_at)
         SELECT e.id, 'retention', $1, 1, e.customer, e.customer || '@example.test', $2, e.message_id, 'queued', 0, $2
         FROM unnest($3::text[], $4::text[], $5::text[]) AS e(id, customer, message_id)`,
        [campaignId, detectedAt, ids.map((c) => retentionEmailId(campaignId, c, detectedAt)), ids, ids.map((c) => messageIdFor(retentionEmailId(campaignId, c, detectedAt)))],
      );
    }
    const started = performance.now();
    app.get(EmailDispatcher).kick();
    await waitFor(
      async () => {
        const result = await db.query<{ sent: string }>(`SELECT count(*) AS sent FROM emails WHERE status = 'sent'`);
        return Number(result.rows[0]?.sent ?? 0) >= EMAILS;
      },
      { timeoutMs: 600_000, intervalMs: 100, description: 'every bench email to be sent' },
    );
    const seconds = (performance.now() - started) / 1000;
    const baseline = await rawSmtpEmailsPerSecond(target.smtpUrl, Math.min(EMAILS, 1_000), `${campaignId}-raw`, config.SEND_CONCURRENCY);
    const failed = await db.query<{ failed: string }>(`SELECT count(*) AS failed FROM emails WHERE status = 'failed'`);
    bench(
      target.name,
      round(EMAILS / seconds),
      'emails/s',
      ` baseline=${round(baseline)} ratio=${round(EMAILS / seconds / baseline, 2)} emails=${EMAILS} with_code_issuance=${WITH_CODES} send_concurrency=${config.SEND_CONCURRENCY} failed=${failed.rows[0]?.failed ?? '?'}`,
    );
    await db.end();
    await app.close();
    await target.cleanUp?.([campaignId, `${campaignId}-raw`]);
  } finally {
    if (inventory && inventory.child.exitCode === null) {
      inventory.child.kill('SIGTERM');
      await inventory.exited;
    }
    await dropDatabase(pgBase, inventoryDb);
    await dropDatabase(pgBase, campaignsDb);
  }
}

/** The bench's messages only, so maildev's inbox stays small for whoever reads it next. */
async function removeFromMaildev(apiUrl: string, campaignIds: readonly unknown[]): Promise<void> {
  const all: unknown = await (await fetch(`${apiUrl}/email`)).json();
  if (!Array.isArray(all)) return;
  for (const message of all) {
    const headers: unknown = typeof message === 'object' && message !== null ? Reflect.get(message, 'headers') : undefined;
    const header: unknown = typeof headers === 'object' && headers !== null ? Reflect.get(headers, 'x-campaign-id') : undefined;
    const id: unknown = typeof message === 'object' && message !== null ? Reflect.get(message, 'id') : undefined;
    if (campaignIds.includes(header) && typeof id === 'string') await fetch(`${apiUrl}/email/${id}`, { method: 'DELETE' });
  }
}

async function main(): Promise<void> {
  const pgBase = required('PG_URL');
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PG_URL: pgBase,
    REDIS_URL: required('REDIS_URL'),
    REDIS_KEY_PREFIX: `${process.env['REDIS_KEY_PREFIX'] ?? 'bench:'}${uniqueSuffix()}:`,
    KAFKA_BROKERS: required('KAFKA_BROKERS'),
    KAFKA_TOPIC_PREFIX: `campaigns-bench-${uniqueSuffix()}.`,
    KAFKA_GROUP_ID: `campaigns-bench-${uniqueSuffix()}`,
    SMTP_URL: process.env['SMTP_URL'] ?? 'smtp://127.0.0.1:1025',
    MAILDEV_API_URL: process.env['MAILDEV_API_URL'] ?? 'http://127.0.0.1:1080',
    API_KEYS: `admin:${hashApiKey(ADMIN)}`,
  };
  note(`campaigns bench: ${CARTS} carts x ${UPDATES_PER_CART} updates, ${EMAILS} emails`);
  if (PARTS.has('reschedules')) await benchReschedules(env);
  if (PARTS.has('emails')) {
    const maildevApi = env['MAILDEV_API_URL'] ?? 'http://127.0.0.1:1080';
    await benchEmails(env, pgBase, { name: 'campaigns.emails_per_s', smtpUrl: env['SMTP_URL'] ?? 'smtp://127.0.0.1:1025', cleanUp: (ids) => removeFromMaildev(maildevApi, ids) });
  }
  if (PARTS.has('emails_fast')) {
    const sink = await startSmtpSink();
    try {
      await benchEmails(env, pgBase, { name: 'campaigns.emails_per_s_fast_smtp', smtpUrl: sink.url });
      note(`fast SMTP sink accepted ${await sink.accepted()} messages`);
    } finally {
      await sink.close();
    }
  }
  if (PARTS.has('ingest')) {
    const database = `campaigns_bench_ingest_${uniqueSuffix()}`;
    try {
      await benchCampaignsIngest({ env: { ...env, PG_URL: await createDatabase(pgBase, database) }, adminKey: ADMIN, events: INGEST_EVENTS });
    } finally {
      await dropDatabase(pgBase, database);
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`campaigns bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
