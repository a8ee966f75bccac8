/**
 * Nest on Express against Nest on Fastify (#21) for the storefront's price route: two pricing processes of the
 * same code, one per HTTP_ADAPTER, over the same Postgres, Redis, Kafka and the same 100 active promotions,
 * loaded one at a time, in alternating rounds (PRICING_ADAPTER_BENCH_ROUNDS, default 2):
 * - `POST /v1/carts/price` and its trivial twin `POST /v1/carts/price-baseline` (same body, guard and pipes),
 *   64 connections closed loop: requests/s and p99;
 * - open loop at 1,000 req/s (autocannon `overallRate`, 256 connections): p99 of both routes;
 * - `*_per_cpu_s`: requests answered per CPU-second of the service process (/proc, less its idle CPU), the
 *   figure a shared machine disturbs least: requests per second there depend on what else runs.
 * Each figure is printed as `BENCH name=pricing.fastify_<figure> value=<Fastify> baseline=<Express> ratio=<Fastify ÷ Express>`,
 * the means of the rounds. docs/http-adapter.md records the figures and the decision. Asserts nothing about time.
 */
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { BENCH_ADMIN_KEY as ADMIN, BENCH_STOREFRONT_KEY as STOREFRONT, benchServiceEnv, compareHttpAdapters, idleCpuOf, loadRoute, printAdapterComparison, requestsPerCpuSecond, startServiceProcess, withServiceOnEachAdapter } from '@promo/service-runtime/testing';
import type autocannon from 'autocannon';
import { Pool } from 'pg';
import { cart, promotion, random } from './bench-store';

const PROMOTIONS = 100;
const CONNECTIONS = 64;
const OPEN_LOOP_CONNECTIONS = 256;
const OPEN_LOOP_RATE = 1_000;
const DURATION_S = Number(process.env['PRICING_BENCH_SECONDS'] ?? 10);
const WARM_UP_REQUESTS = 2_000;
const ROUNDS = Number(process.env['PRICING_ADAPTER_BENCH_ROUNDS'] ?? 2);
const PRICE = '/v1/carts/price';
const BASELINE = '/v1/carts/price-baseline';

async function main(): Promise<void> {
  const suffix = uniqueSuffix();
  const env: Record<string, string> = {
    ...benchServiceEnv(suffix),
    KAFKA_TOPIC_PARTITIONS: '4',
    KAFKA_TOPIC_PREFIX: `bench-${suffix}.`,
    PRICING_BENCH_BASELINE: '1',
  };
  const migration = startServiceProcess('pricing', 'migrate', env);
  if ((await migration.exited).code !== 0) throw new Error(`migration failed:\n${migration.output()}`);
  const sql = new Pool({ connectionString: env['PG_URL'], max: 2, options: '-c search_path=pricing' });
  // Each process has a consumer group of its own: both read every promotion change and hold the same index.
  const perAdapter = (adapter: string) => ({ PRICING_CONSUMER_GROUP: `pricing-bench-${adapter}-${suffix}`, PRICING_INSTANCE_ID: `bench-${adapter}-${suffix}` });
  try {
    await withServiceOnEachAdapter('pricing', env, perAdapter, async (services) => {
      const next = random(42);
      for (let i = 0; i < PROMOTIONS; i += 1) {
        const response = await fetch(`${services.express.baseUrl}/v1/promotions`, { method: 'POST', headers: { 'x-api-key': ADMIN, 'content-type': 'application/json' }, body: JSON.stringify(promotion(i, next)) });
        if (response.status !== 201) throw new Error(`promotion ${i} refused: ${response.status} ${await response.text()}`);
      }
      const { rows } = await sql.query<{ v: string }>(`SELECT max(change_seq) AS v FROM promotions`);
      const version = Number(rows[0]?.v ?? 0);
      const body = JSON.stringify(cart('bench-http'));
      for (const [adapter, service] of Object.entries(services)) {
        await waitFor(async () => {
          const response = await fetch(`${service.baseUrl}${PRICE}`, { method: 'POST', headers: { 'x-api-key': STOREFRONT, 'content-type': 'application/json' }, body });
          return ((await response.json()) as { indexVersion: number }).indexVersion >= version;
        }, { timeoutMs: 60_000, description: `the ${adapter} process' index holds ${PROMOTIONS} promotions` });
      }

      const means = await compareHttpAdapters(ROUNDS, async (adapter) => {
        const measured = await idleCpuOf(services[adapter].child.pid ?? 0);
        const post = (path: string, options: Partial<autocannon.Options>) =>
          loadRoute(measured, { url: `${services[adapter].baseUrl}${path}`, method: 'POST', headers: { 'x-api-key': STOREFRONT, 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: DURATION_S, ...options });
        // Warm-up, not measured: a fresh or idle process runs unoptimised code (JIT) at first. A count, not a
        // duration: on a loaded machine a few seconds are a few hundred requests, too few for the JIT.
        await post(BASELINE, { amount: WARM_UP_REQUESTS });
        await post(PRICE, { amount: WARM_UP_REQUESTS });
        const baseline = await post(BASELINE, {});
        const priced = await post(PRICE, {});
        const open = { connections: OPEN_LOOP_CONNECTIONS, overallRate: OPEN_LOOP_RATE };
        const openBaseline = await post(BASELINE, open);
        const openPriced = await post(PRICE, open);
        return {
          'price_rps.100': Math.round(priced.rps),
          'price_p99_ms.100': priced.p99,
          'baseline_rps.100': Math.round(baseline.rps),
          'baseline_p99_ms.100': baseline.p99,
        'price_per_cpu_s.100': requestsPerCpuSecond(priced.cpuUsPerRequest),
        'baseline_per_cpu_s.100': requestsPerCpuSecond(baseline.cpuUsPerRequest),
          [`open${OPEN_LOOP_RATE}_p99_ms`]: openPriced.p99,
          [`open${OPEN_LOOP_RATE}_baseline_p99_ms`]: openBaseline.p99,
          [`open${OPEN_LOOP_RATE}_sent_per_s`]: Math.round(openPriced.sentPerS),
        idle_cpu_ms_per_s: Math.round(measured.idleCpuPerS * 1000),
        errors: baseline.errors + priced.errors + openBaseline.errors + openPriced.errors,
        timeouts: baseline.timeouts + priced.timeouts + openBaseline.timeouts + openPriced.timeouts,
        };
      });
      printAdapterComparison('pricing', means, {
        'price_rps.100': 'req/s',
        'price_p99_ms.100': 'ms',
        'baseline_rps.100': 'req/s',
        'baseline_p99_ms.100': 'ms',
      'price_per_cpu_s.100': 'req/cpu-s',
      'baseline_per_cpu_s.100': 'req/cpu-s',
        [`open${OPEN_LOOP_RATE}_p99_ms`]: 'ms',
        [`open${OPEN_LOOP_RATE}_baseline_p99_ms`]: 'ms',
      });
    });
  } finally {
    await sql.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
