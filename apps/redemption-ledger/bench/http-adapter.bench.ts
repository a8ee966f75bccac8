/**
 * Nest on Express against Nest on Fastify (#21) for the storefront's route, `POST /v1/reservations` (called
 * before an order is placed): two ledger processes of the same code, one per HTTP_ADAPTER, over the same
 * Postgres and Redis, loaded one at a time in alternating rounds (LEDGER_ADAPTER_BENCH_ROUNDS, default 2).
 * 64 connections closed loop, each request a new reservation of one use of a code whose limit is out of reach
 * (every answer is an accepted reservation); `/health/live` under the same load shows each adapter's own floor;
 * `*_per_cpu_s` is requests per CPU-second of the service (/proc, less its idle CPU), which contention disturbs least.
 * Prints `BENCH name=ledger.fastify_<figure> value=<Fastify> baseline=<Express> ratio=<Fastify ÷ Express>`, the
 * means of the rounds. Asserts nothing about time.
 */
import { uniqueSuffix } from '@promo/platform/testing';
import { BENCH_ADMIN_KEY as ADMIN, BENCH_STOREFRONT_KEY as STOREFRONT, benchServiceEnv, compareHttpAdapters, idleCpuOf, loadRoute, printAdapterComparison, requestsPerCpuSecond, startServiceProcess, withServiceOnEachAdapter } from '@promo/service-runtime/testing';

const CONNECTIONS = 64;
const DURATION_S = Number(process.env['LEDGER_BENCH_SECONDS'] ?? 10);
const WARM_UP_REQUESTS = 2_000;
const ROUNDS = Number(process.env['LEDGER_ADAPTER_BENCH_ROUNDS'] ?? 2);

async function main(): Promise<void> {
  const suffix = uniqueSuffix();
  const env: Record<string, string> = {
    ...benchServiceEnv(`ledger-adapters-${suffix}`),
    KAFKA_TOPIC_PREFIX: `ledger-bench-${suffix}.`,
    KAFKA_TOPIC_PARTITIONS: '1',
    PG_POOL_SIZE: '20',
  };
  const migration = startServiceProcess('redemption-ledger', 'migrate', env);
  if ((await migration.exited).code !== 0) throw new Error(`migration failed: ${migration.output().slice(-2_000)}`);
  await withServiceOnEachAdapter('redemption-ledger', env, (adapter) => ({ KAFKA_GROUP_ID: `ledger-bench-${adapter}-${suffix}` }), async (services) => {
    const promotionId = `bench-adapters-${suffix}`;
    const learned = await fetch(`${services.express.baseUrl}/v1/promotion-changes`, {
      method: 'POST',
      headers: { 'x-api-key': ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ promotionId, change: 'created', version: 1, changedAt: '2026-11-20T00:00:00Z', promotion: { id: promotionId, kind: 'coupon', limits: { usesPerCode: 1_000_000_000 } } }),
    });
    if (learned.status !== 200) throw new Error(`promotion change refused: ${learned.status} ${await learned.text()}`);
    let n = 0;
    const means = await compareHttpAdapters(ROUNDS, async (adapter) => {
      const measured = await idleCpuOf(services[adapter].child.pid ?? 0);
      const reserve = (length: { duration: number } | { amount: number }) =>
        loadRoute(measured, {
          url: `${services[adapter].baseUrl}/v1/reservations`,
          connections: CONNECTIONS,
          ...length,
          requests: [
            {
              method: 'POST',
              headers: { 'x-api-key': STOREFRONT, 'content-type': 'application/json' },
              setupRequest: (request) => {
                n += 1;
                return { ...request, body: JSON.stringify({ reservationId: `bench-${suffix}-${n}`, cartId: `cart-${n}`, customerId: `cu-${n}`, uses: [{ promotionId, code: 'HOT-CODE', units: 1 }] }) };
              },
            },
          ],
        });
      // Warm-up, not measured: JIT and pools.
      await reserve({ amount: WARM_UP_REQUESTS });
      const live = await loadRoute(measured, { url: `${services[adapter].baseUrl}/health/live`, connections: CONNECTIONS, duration: DURATION_S });
      const reserved = await reserve({ duration: DURATION_S });
      return { reserve_rps: Math.round(reserved.rps), reserve_p99_ms: reserved.p99, reserve_per_cpu_s: requestsPerCpuSecond(reserved.cpuUsPerRequest), live_rps: Math.round(live.rps), live_p99_ms: live.p99, live_per_cpu_s: requestsPerCpuSecond(live.cpuUsPerRequest), errors: reserved.errors + live.errors, timeouts: reserved.timeouts + live.timeouts };
    });
    printAdapterComparison('ledger', means, { reserve_rps: 'req/s', reserve_p99_ms: 'ms', reserve_per_cpu_s: 'req/cpu-s', live_rps: 'req/s', live_p99_ms: 'ms', live_per_cpu_s: 'req/cpu-s' });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`ledger adapter bench failed: ${String(error instanceof Error ? (error.stack ?? error.message) : error)}\n`);
  process.exit(1);
});
