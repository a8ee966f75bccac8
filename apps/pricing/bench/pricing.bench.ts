/**
 * Pricing service benchmark (#8), one service process against the real Postgres, Redis and Kafka of the run:
 * - `POST /v1/carts/price` with a 10-line cart and 100, then 1,000 active automatic promotions, 64 connections
 *   (closed loop); the baseline is the same load, same body, same key and guard on `POST /v1/carts/price-baseline`
 *   of the same process (#21: a trivial route that does everything the price route does but price), so the
 *   ratio is pricing's own share, not the HTTP stack's;
 * - open loop (#21), 100 promotions: requests sent at a fixed 1,000 and 2,000 per second whatever the answers
 *   take (autocannon `overallRate` over 256 connections, so a slow answer does not hold the next request back
 *   unless 256 are outstanding), p99 of the price route beside the baseline route's p99 at the same rate; the
 *   rate actually sent is printed too (`sent_per_s`);
 * - `pricing.ingest_per_s` (#21): `cart.updated` in → `pricing.cart-priced` out on one process (published
 *   straight to Kafka, no Postgres), from the first record sent until every answer is on the output topic;
 *   baseline: a consumer that does nothing reading the same records from the same broker in the same run.
 * Prints `BENCH name=... value=... unit=...` lines; asserts nothing about time.
 */
import { randomUUID } from 'node:crypto';
import { createKafka, ensureTopics } from '@promo/messaging';
import { benchProducer, idleReadRate, ingestBenchLine, produceRecords } from '@promo/messaging/testing';
import { hashApiKey } from '@promo/platform';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { freePort, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { cart, promotion, random } from './bench-store';

const ADMIN = 'bench-admin-key';
const STOREFRONT = 'bench-storefront-key';
const CONNECTIONS = 64;
const OPEN_LOOP_CONNECTIONS = 256;
const OPEN_LOOP_RATES = [1_000, 2_000] as const;
const DURATION_S = Number(process.env['PRICING_BENCH_SECONDS'] ?? 10);
const WARM_UP_S = 3;
const EVENTS = Number(process.env['PRICING_BENCH_EVENTS'] ?? 10_000);
/** PRICING_BENCH_PARTS=http,ingest picks parts (default both); the promotions are created either way. */
const PARTS = new Set((process.env['PRICING_BENCH_PARTS'] ?? 'http,ingest').split(','));

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through \`npm run bench\``);
  return value;
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function main(): Promise<void> {
  const suffix = uniqueSuffix();
  const env: Record<string, string> = {
    PG_URL: required('PG_URL'),
    REDIS_URL: required('REDIS_URL'),
    REDIS_KEY_PREFIX: `${process.env['REDIS_KEY_PREFIX'] ?? 'bench:'}${suffix}:`,
    KAFKA_BROKERS: required('KAFKA_BROKERS'),
    KAFKA_TOPIC_PARTITIONS: '4',
    KAFKA_TOPIC_PREFIX: `bench-${suffix}.`,
    PRICING_CONSUMER_GROUP: `pricing-bench-${suffix}`,
    PRICING_INSTANCE_ID: `bench-${suffix}`,
    API_KEYS: `admin:${hashApiKey(ADMIN)},storefront:${hashApiKey(STOREFRONT)}`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    PRICING_BENCH_BASELINE: '1',
  };
  const migration = startServiceProcess('pricing', 'migrate', env);
  if ((await migration.exited).code !== 0) throw new Error(`migration failed:\n${migration.output()}`);
  const service = startServiceProcess('pricing', 'main', { ...env, HTTP_PORT: String(await freePort()) });
  const sql = new Pool({ connectionString: env['PG_URL'], max: 2, options: '-c search_path=pricing' });
  try {
    await waitUntilReady(service, 120_000);
    const next = random(42);
    let created = 0;
    for (const size of [100, 1_000]) {
      for (; created < size; created += 1) {
        const response = await fetch(`${service.baseUrl}/v1/promotions`, {
          method: 'POST',
          headers: { 'x-api-key': ADMIN, 'content-type': 'application/json' },
          body: JSON.stringify(promotion(created, next)),
        });
        if (response.status !== 201) throw new Error(`promotion ${created} refused: ${response.status} ${await response.text()}`);
      }
      const { rows } = await sql.query<{ v: string }>(`SELECT max(change_seq) AS v FROM promotions`);
      const version = Number(rows[0]?.v ?? 0);
      const body = JSON.stringify(cart('bench-http'));
      await waitFor(async () => {
        const response = await fetch(`${service.baseUrl}/v1/carts/price`, { method: 'POST', headers: { 'x-api-key': STOREFRONT, 'content-type': 'application/json' }, body });
        return ((await response.json()) as { indexVersion: number }).indexVersion >= version;
      }, { timeoutMs: 60_000, description: `the index holds ${size} promotions` });

      if (!PARTS.has('http')) continue;
      const post = (path: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> =>
        load({ url: `${service.baseUrl}${path}`, method: 'POST', headers: { 'x-api-key': STOREFRONT, 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: DURATION_S, ...options });
      const PRICE = '/v1/carts/price';
      const BASELINE = '/v1/carts/price-baseline';
      if (size === 100) {
        // Warm-up, not measured: the first seconds of a fresh process run unoptimised code (JIT), which made
        // the first baseline read half of the second one.
        await post(BASELINE, { duration: WARM_UP_S });
        await post(PRICE, { duration: WARM_UP_S });
      }
      const baseline = await post(BASELINE, {});
      const priced = await post(PRICE, {});
      for (const [route, result] of [[PRICE, priced], [BASELINE, baseline]] as const) {
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${route} load had ${result.non2xx} non-2xx answers and ${result.errors} errors`);
      }
      const rps = priced.requests.average;
      const base = baseline.requests.average;
      process.stdout.write(`BENCH name=pricing.http_price_rps.${size} value=${rps.toFixed(0)} unit=req/s baseline=${base.toFixed(0)} ratio=${(rps / base).toFixed(3)}\n`);
      // The trivial route's p99 under the same 64 connections beside it: the HTTP stack's own floor here.
      process.stdout.write(`BENCH name=pricing.http_p99_ms.${size} value=${priced.latency.p99} unit=ms baseline=${baseline.latency.p99} ratio=${(priced.latency.p99 / baseline.latency.p99).toFixed(3)}\n`);
      if (size === 100) {
        for (const rate of OPEN_LOOP_RATES) {
          const open = { connections: OPEN_LOOP_CONNECTIONS, overallRate: rate };
          const openBaseline = await post(BASELINE, open);
          const openPriced = await post(PRICE, open);
          const sent = (result: autocannon.Result) => (result.requests.total / (result.duration || DURATION_S)).toFixed(0);
          process.stdout.write(
            `BENCH name=pricing.http_open${rate}_p99_ms value=${openPriced.latency.p99} unit=ms baseline=${openBaseline.latency.p99} ratio=${(openPriced.latency.p99 / openBaseline.latency.p99).toFixed(3)} sent_per_s=${sent(openPriced)} baseline_sent_per_s=${sent(openBaseline)} non2xx=${openPriced.non2xx + openPriced.errors}\n`,
          );
        }
      }
    }

    if (!PARTS.has('ingest')) return;
    const kafka = createKafka({ clientId: `pricing-bench-${suffix}`, brokers: env['KAFKA_BROKERS']?.split(',') ?? [] });
    const input = `${env['KAFKA_TOPIC_PREFIX']}cart.updated`;
    const prefix = `benchcart-${suffix}-`;
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [{ topic: 'pricing.cart-priced', numPartitions: 4 }]);
    // The answers for this run's carts, as they arrive on the output topic (shared: filtered by cart id).
    const answered = new Set<string>();
    const outputs = kafka.consumer({ groupId: `pricing-bench-out-${suffix}` });
    await outputs.connect();
    await outputs.subscribe({ topic: 'pricing.cart-priced', fromBeginning: false });
    await outputs.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          if (!message.key?.toString().startsWith(prefix)) continue;
          answered.add((JSON.parse(message.value?.toString() ?? '{}') as { data?: { sourceEventId?: string } }).data?.sourceEventId ?? '');
        }
      },
    });
    await waitFor(async () => (await admin.describeGroups([`pricing-bench-out-${suffix}`])).groups[0]?.state === 'Stable', { timeoutMs: 30_000, description: 'the output reader joined' });
    await admin.disconnect();
    const producer = await benchProducer(kafka);
    const started = performance.now();
    await produceRecords(producer, input, EVENTS, (i) => {
      const cartId = `${prefix}${i}`;
      const event = { specversion: '1.0', id: randomUUID(), source: 'bench/commerce', type: 'cart.updated', time: '2026-11-25T12:00:00Z', datacontenttype: 'application/json', data: cart(cartId) };
      return { key: cartId, value: JSON.stringify(event) };
    });
    await waitFor(() => answered.size >= EVENTS, { timeoutMs: 600_000, intervalMs: 20, description: `${EVENTS} cart-priced answers` });
    const ours = EVENTS / ((performance.now() - started) / 1000);
    await outputs.disconnect();
    await producer.disconnect();

    // Baseline: the same records read by a consumer that does nothing, from the same broker, in the same run.
    const baseline = await idleReadRate(kafka, input, EVENTS, `pricing-bench-idle-${suffix}`);
    process.stdout.write(ingestBenchLine('pricing.ingest_per_s', ours, baseline, { events: EVENTS }));
  } catch (error) {
    process.stderr.write(`service output (tail):\n${service.output().slice(-4_000)}\n`);
    throw error;
  } finally {
    await sql.end();
    service.child.kill('SIGTERM');
    await service.exited;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
