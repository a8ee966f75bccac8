/**
 * Nest on Express against Nest on Fastify (#21) for the storefront's code lookup, `GET /v1/codes/{code}` (what
 * pricing calls for a bulk code it does not hold): two code-inventory processes of the same code, one per
 * HTTP_ADAPTER, over the same Postgres and Redis, loaded one at a time in alternating rounds
 * (CODES_ADAPTER_BENCH_ROUNDS, default 2). 64 connections closed loop, cycling through LOOKUP_DISTINCT codes of
 * a generated group (answered from the lookup cache after the warm-up, as in codes.bench.ts); `/health/live`
 * under the same load shows each adapter's own floor;
 * `*_per_cpu_s` is requests per CPU-second of the service (/proc, less its idle CPU), which contention
 * disturbs least. Prints `BENCH name=codes.fastify_<figure> value=<Fastify> baseline=<Express>
 * ratio=<Fastify ÷ Express>`, the means of the rounds. Asserts nothing about time.
 */
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { BENCH_ADMIN_KEY as ADMIN, BENCH_STOREFRONT_KEY as STOREFRONT, benchServiceEnv, compareHttpAdapters, idleCpuOf, loadRoute, printAdapterComparison, requestsPerCpuSecond, startServiceProcess, withServiceOnEachAdapter } from '@promo/service-runtime/testing';
import { Pool } from 'pg';

const CODES = 10_000;
const LOOKUP_DISTINCT = Number(process.env['LOOKUP_DISTINCT'] ?? 1_000);
const CONNECTIONS = 64;
const DURATION_S = Number(process.env['CODES_BENCH_SECONDS'] ?? 10);
const WARM_UP_REQUESTS = 2_000;
const ROUNDS = Number(process.env['CODES_ADAPTER_BENCH_ROUNDS'] ?? 2);

async function main(): Promise<void> {
  const suffix = uniqueSuffix();
  const env: Record<string, string> = {
    ...benchServiceEnv(suffix),
    KAFKA_TOPIC_PREFIX: `bench-${suffix}.`,
    PG_POOL_SIZE: '20',
    CODE_TOKEN_KEYS: 'bench:bench-secret-for-code-tokens',
    // The lookup rate limit (#19) would refuse the bench's clients: its scripts still run on every lookup.
    CODE_LOOKUP_LIMIT_PER_CLIENT: '1000000000',
    CODE_LOOKUP_LIMIT_PER_KEY: '1000000000',
  };
  const migration = startServiceProcess('code-inventory', 'migrate', env);
  if ((await migration.exited).code !== 0) throw new Error(`migration failed:\n${migration.output()}`);
  const sql = new Pool({ connectionString: env['PG_URL'], max: 2, options: '-c search_path=code_inventory' });
  try {
    await withServiceOnEachAdapter('code-inventory', env, () => ({}), async (services) => {
      const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
        const response = await fetch(`${services.express.baseUrl}${path}`, { method, headers: { 'x-api-key': ADMIN, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
        return response.json();
      };
      const groupId = `BENCH${suffix.toUpperCase()}`;
      await call('POST', '/v1/groups', { groupId, name: 'Bench', promotionId: 'promo-bench' });
      const job = (await call('POST', `/v1/groups/${groupId}/generate`, { count: CODES, pattern: '????-????-????', prefix: `${groupId}-` })) as { id: string };
      await waitFor(async () => ((await call('GET', `/v1/jobs/${job.id}`)) as { state: string }).state === 'completed', { timeoutMs: 600_000, intervalMs: 200 });
      await waitFor(async () => (await sql.query(`SELECT 1 FROM outbox_messages WHERE published_at IS NULL LIMIT 1`)).rowCount === 0, { timeoutMs: 600_000, intervalMs: 200 });
      await sql.query('ANALYZE codes');
      const { rows } = await sql.query<{ code: string }>(`SELECT code FROM codes WHERE group_id = $1 ORDER BY id LIMIT $2`, [groupId, LOOKUP_DISTINCT]);
      const codes = rows.map((row) => row.code);
      let next = 0;
      const lookupPath = (): string => `/v1/codes/${codes[(next += 1) % codes.length] ?? ''}`;

      const means = await compareHttpAdapters(ROUNDS, async (adapter) => {
        const measured = await idleCpuOf(services[adapter].child.pid ?? 0);
        const lookups = (length: { duration: number } | { amount: number }) =>
          loadRoute(measured, { url: services[adapter].baseUrl, connections: CONNECTIONS, ...length, headers: { 'x-api-key': STOREFRONT }, requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: lookupPath() }) }] });
        // Warm-up, not measured: JIT, pools, and the lookup cache filled with the codes cycled through.
        await lookups({ amount: WARM_UP_REQUESTS });
        const live = await loadRoute(measured, { url: `${services[adapter].baseUrl}/health/live`, connections: CONNECTIONS, duration: DURATION_S });
        const lookup = await lookups({ duration: DURATION_S });
        return { lookup_rps: Math.round(lookup.rps), lookup_p99_ms: lookup.p99, lookup_per_cpu_s: requestsPerCpuSecond(lookup.cpuUsPerRequest), live_rps: Math.round(live.rps), live_p99_ms: live.p99, live_per_cpu_s: requestsPerCpuSecond(live.cpuUsPerRequest), errors: lookup.errors + live.errors, timeouts: lookup.timeouts + live.timeouts };
      });
      printAdapterComparison('codes', means, { lookup_rps: 'req/s', lookup_p99_ms: 'ms', lookup_per_cpu_s: 'req/cpu-s', live_rps: 'req/s', live_p99_ms: 'ms', live_per_cpu_s: 'req/cpu-s' });
    });
  } finally {
    await sql.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
