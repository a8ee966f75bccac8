/**
 * Code-inventory benchmark (#7), one service process against the real Postgres, Redis and Kafka of the run:
 * - one generation job of BENCH_CODES codes (default 10,000,000): seconds, codes/s, peak RSS of the service;
 * - export of 1,000,000 codes over HTTP, against a raw `COPY … TO STDOUT` of the same rows (baseline);
 * - lookups under 64 concurrent clients (p50/p99) and first issues per second with 16 clients.
 * Lookups are measured twice, each beside the same load on `/health/live` (the HTTP stack's own ceiling):
 * closed loop (64 clients each sending as soon as its last answer came: latency is mostly queueing, and
 * p99 ≈ 64 ÷ throughput) and open loop (64 connections offered each of CODES_BENCH_RATES requests/s, default 1,000 then 2,000,
 * latency from the scheduled send time, like wrk2). `codes.lookup_p99_ms` is the open-loop figure.
 * Before the lookups the bench waits until the service is idle: its outbox drained (the relay has published
 * every codes-added event of the generation) and `ANALYZE codes` run (what autovacuum does after a bulk
 * load; this machine's Postgres runs with autovacuum off), so lookups are not measured against leftover
 * background work; `codes.lookup_idle_wait_s` says how long that took.
 * BENCH_PARTS=generate,export,lookup,issue picks parts (default all); without `generate` the lookups and
 * issues use a group of LOOKUP_CODES codes (default 100,000). Lookups cycle through LOOKUP_DISTINCT of them (default 1,000).
 * Prints `BENCH name=... value=... unit=...` lines; asserts nothing about time.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hashApiKey } from '@promo/platform';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { runOpenLoad } from './open-load';
import { describePauses, scrapePauses } from './process-pauses';
import { quantileBetween, scrapeRouteBuckets } from './route-latency';

const ADMIN = 'bench-admin-key';
const STOREFRONT = 'bench-storefront-key';
const CODES = Number(process.env['BENCH_CODES'] ?? 10_000_000);
const EXPORT_CODES = 1_000_000;
const DURATION_S = Number(process.env['CODES_BENCH_SECONDS'] ?? 10);
/** Offered loads of the open-loop runs, requests/s; `codes.lookup_p99_ms` is the first one's. */
const OPEN_RATES = (process.env['CODES_BENCH_RATES'] ?? '1000,2000').split(',').map(Number);
const LOOKUP_CODES = Number(process.env['LOOKUP_CODES'] ?? 100_000);
/** Distinct codes the lookups cycle through (a storefront re-prices a cart with the same code many times). */
const LOOKUP_DISTINCT = Number(process.env['LOOKUP_DISTINCT'] ?? 1_000);
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'generate,export,lookup,issue').split(','));
const LOOKUP_ROUTE = '/v1/codes/:code';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through \`npm run bench\``);
  return value;
}

function bench(name: string, value: number, unit: string, extra = ''): void {
  console.log(`BENCH name=${name} value=${value} unit=${unit}${extra}`);
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** The process' peak resident set (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return round(Number(match?.[1] ?? 0) / 1024, 1);
}

async function main(): Promise<void> {
  const env = {
    PG_URL: required('PG_URL'),
    REDIS_URL: required('REDIS_URL'),
    REDIS_KEY_PREFIX: `${process.env['REDIS_KEY_PREFIX'] ?? 'bench:'}${uniqueSuffix()}:`,
    KAFKA_BROKERS: required('KAFKA_BROKERS'),
    KAFKA_TOPIC_PREFIX: `bench-${uniqueSuffix()}.`,
    API_KEYS: `admin:${hashApiKey(ADMIN)},storefront:${hashApiKey(STOREFRONT)}`,
    LOG_LEVEL: 'warn',
    PG_POOL_SIZE: '20',
    // The lookup rate limit (#19) would refuse the bench's clients after 1,200 a minute: lookups would measure
    // refusals. The limiter's scripts still run on every lookup; only their bound is out of reach.
    CODE_LOOKUP_LIMIT_PER_CLIENT: '1000000000',
    CODE_LOOKUP_LIMIT_PER_KEY: '1000000000',
  };
  const migration = startServiceProcess('code-inventory', 'migrate', env);
  if ((await migration.exited).code !== 0) throw new Error(`migration failed:\n${migration.output()}`);
  const service: ServiceProcess = startServiceProcess('code-inventory', 'main', { ...env, HTTP_PORT: String(await freePort()) });
  const sql = new Pool({ connectionString: env.PG_URL, max: 2, options: '-c search_path=code_inventory' });
  try {
    await waitUntilReady(service);
    const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
      const response = await fetch(`${service.baseUrl}${path}`, { method, headers: { 'x-api-key': ADMIN, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const generate = async (count: number): Promise<{ groupId: string; seconds: number }> => {
      const groupId = `BENCH${uniqueSuffix().toUpperCase()}`;
      await call('POST', '/v1/groups', { groupId, name: 'Bench', promotionId: 'promo-bench' });
      const t0 = performance.now();
      const job = (await call('POST', `/v1/groups/${groupId}/generate`, { count, pattern: '????-????-????', prefix: `${groupId}-` })) as { id: string };
      await waitFor(async () => ((await call('GET', `/v1/jobs/${job.id}`)) as { state: string }).state === 'completed', { timeoutMs: 3_600_000, intervalMs: 200 });
      return { groupId, seconds: (performance.now() - t0) / 1000 };
    };

    let big: { groupId: string; seconds: number } | undefined;
    if (PARTS.has('generate')) {
      big = await generate(CODES);
      bench('codes.generate_10m_s', round(big.seconds), 's', CODES === 10_000_000 ? '' : ` codes=${CODES}`);
      bench('codes.generate_per_s', Math.round(CODES / big.seconds), 'codes/s');
      bench('codes.generate_peak_rss_mb', peakRssMb(service.child.pid ?? 0), 'MB');
    }

    if (PARTS.has('export')) {
      const exported = CODES === EXPORT_CODES && big ? big : await generate(EXPORT_CODES);
      const t1 = performance.now();
      const response = await fetch(`${service.baseUrl}/v1/groups/${exported.groupId}/export`, { headers: { 'x-api-key': ADMIN } });
      let bytes = 0;
      for await (const chunk of response.body ?? []) bytes += (chunk as Uint8Array).length;
      const ours = (performance.now() - t1) / 1000;
      const client = await sql.connect();
      const t2 = performance.now();
      let baselineBytes = 0;
      await pipeline(
        client.query(copyTo(`COPY (SELECT code, lower(code), promotion_id, group_id, state, is_hidden, issued_to, issued_at, bound_customer_id, redeemed_at FROM codes WHERE group_id = '${exported.groupId}' ORDER BY id) TO STDOUT WITH (FORMAT csv)`)),
        new Writable({ write: (chunk: Buffer, _encoding, done) => ((baselineBytes += chunk.length), done()) }),
      );
      const baseline = (performance.now() - t2) / 1000;
      client.release();
      bench('codes.export_1m_s', round(ours, 3), 's', ` baseline=${round(baseline, 3)} ratio=${round(baseline / ours, 3)} bytes=${bytes} baseline_bytes=${baselineBytes}`);
    }

    const target = big ?? (PARTS.has('lookup') || PARTS.has('issue') ? await generate(LOOKUP_CODES) : undefined);
    if (PARTS.has('lookup') && target) {
      const t3 = performance.now();
      await waitFor(async () => (await sql.query(`SELECT 1 FROM outbox_messages WHERE published_at IS NULL LIMIT 1`)).rowCount === 0, { timeoutMs: 600_000, intervalMs: 200 });
      const drained = (performance.now() - t3) / 1000;
      await sql.query('ANALYZE codes');
      bench('codes.lookup_idle_wait_s', round((performance.now() - t3) / 1000), 's', ` outbox_drain_s=${round(drained)}`);
      const { rows } = await sql.query<{ code: string }>(`SELECT code FROM codes WHERE group_id = $1 ORDER BY id LIMIT $2`, [target.groupId, LOOKUP_DISTINCT * 21]);
      const codes = rows.slice(0, LOOKUP_DISTINCT).map((row) => row.code);
      // Codes never looked up before: each lookup misses the cache and reads Postgres (the path before #7's cache).
      const coldCodes = rows.slice(LOOKUP_DISTINCT).map((row) => row.code);
      let next = 0;
      const lookupPath = (): string => `/v1/codes/${codes[(next += 1) % codes.length] ?? ''}`;
      // Warm-up, not measured: JIT, connection pools, and the lookup cache filled with the codes cycled through.
      await autocannon({ url: service.baseUrl, connections: 8, amount: codes.length * 2, headers: { 'x-api-key': STOREFRONT }, requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: lookupPath() }) }] });
      await autocannon({ url: `${service.baseUrl}/health/live`, connections: 8, amount: 2_000 });
      const before = await scrapeRouteBuckets(service.baseUrl, 'GET', LOOKUP_ROUTE);
      const lookups = await autocannon({
        url: service.baseUrl,
        connections: 64,
        duration: DURATION_S,
        headers: { 'x-api-key': STOREFRONT },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: lookupPath() }) }],
      });
      const afterClosed = await scrapeRouteBuckets(service.baseUrl, 'GET', LOOKUP_ROUTE);
      let nextCold = 0;
      const cold = await autocannon({
        url: service.baseUrl,
        connections: 64,
        duration: Math.min(DURATION_S, 5),
        headers: { 'x-api-key': STOREFRONT },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/v1/codes/${coldCodes[(nextCold += 1) % coldCodes.length] ?? ''}` }) }],
      });
      bench('codes.lookup_closed64_uncached_p99_ms', cold.latency.p99, 'ms', ` p50=${cold.latency.p50} rps=${Math.round(cold.requests.average)} requests=${cold.requests.total} cold_codes=${coldCodes.length} non2xx=${cold.non2xx}`);
      const afterCold = await scrapeRouteBuckets(service.baseUrl, 'GET', LOOKUP_ROUTE);
      const trivial = await autocannon({ url: `${service.baseUrl}/health/live`, connections: 64, duration: DURATION_S });
      bench('codes.lookup_closed64_p50_ms', lookups.latency.p50, 'ms', ` distinct=${codes.length} rps=${Math.round(lookups.requests.average)} non2xx=${lookups.non2xx}`);
      bench('codes.lookup_closed64_p99_ms', lookups.latency.p99, 'ms', ` baseline=${trivial.latency.p99} ratio=${round(trivial.latency.p99 / lookups.latency.p99, 3)} rps=${Math.round(lookups.requests.average)} baseline_rps=${Math.round(trivial.requests.average)} non2xx=${lookups.non2xx}`);
      const closedService = quantileBetween(before, afterClosed, 0.99);
      bench('codes.lookup_closed64_service_p99_ms', closedService.upperMs, 'ms', ` le_bucket requests=${closedService.count}`);

      let previous = afterCold;
      for (const [index, rate] of OPEN_RATES.entries()) {
        const pausesBefore = await scrapePauses(service.baseUrl);
        const open = await runOpenLoad({ baseUrl: service.baseUrl, connections: 64, rate, durationS: DURATION_S, headers: { 'x-api-key': STOREFRONT }, path: lookupPath });
        const pausesOpen = await scrapePauses(service.baseUrl);
        const afterOpen = await scrapeRouteBuckets(service.baseUrl, 'GET', LOOKUP_ROUTE);
        const openTrivial = await runOpenLoad({ baseUrl: service.baseUrl, connections: 64, rate, durationS: DURATION_S, headers: {}, path: () => '/health/live' });
        const pausesTrivial = await scrapePauses(service.baseUrl);
        const name = index === 0 ? 'codes.lookup' : `codes.lookup_open${rate}`;
        const extra = ` rate=${rate} rps=${open.rps} baseline_rps=${openTrivial.rps} non2xx=${open.non2xx} errors=${open.errors}`;
        bench(`${name}_p50_ms`, open.p50, 'ms', ` baseline=${openTrivial.p50} ratio=${round(openTrivial.p50 / open.p50, 3)}${extra}`);
        bench(`${name}_p99_ms`, open.p99, 'ms', ` baseline=${openTrivial.p99} ratio=${round(openTrivial.p99 / open.p99, 3)}${extra}`);
        bench(`${name}_p999_ms`, open.p999, 'ms', ` baseline=${openTrivial.p999} ratio=${round(openTrivial.p999 / open.p999, 3)} max=${open.max}`);
        const service99 = quantileBetween(previous, afterOpen, 0.99);
        bench(`${name}_service_p99_ms`, service99.upperMs, 'ms', ` le_bucket requests=${service99.count}`);
        console.log(`# ${name} at ${rate}/s: lookups ${describePauses(pausesBefore, pausesOpen)} client_loop_delay_max_ms=${open.clientLoopDelayMaxMs}; trivial ${describePauses(pausesOpen, pausesTrivial)} client_loop_delay_max_ms=${openTrivial.clientLoopDelayMaxMs}`);
        previous = await scrapeRouteBuckets(service.baseUrl, 'GET', LOOKUP_ROUTE);
      }

      const single = await autocannon({
        url: service.baseUrl,
        connections: 1,
        duration: Math.max(3, Math.round(DURATION_S / 2)),
        headers: { 'x-api-key': STOREFRONT },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: lookupPath() }) }],
      });
      bench('codes.lookup_p99_ms_1_client', single.latency.p99, 'ms', ` p50=${single.latency.p50} rps=${Math.round(single.requests.average)}`);
    }

    let customer = 0;
    if (!PARTS.has('issue') || !target) return;
    const issues = await autocannon({
      url: service.baseUrl,
      connections: 16,
      duration: DURATION_S,
      headers: { 'x-api-key': ADMIN, 'content-type': 'application/json' },
      requests: [{ method: 'POST', path: `/v1/groups/${target.groupId}/issue`, setupRequest: (request) => ({ ...request, body: JSON.stringify({ customerId: `cu-${(customer += 1)}`, mode: 'first' }) }) }],
    });
    bench('codes.issue_per_s', Math.round(issues.requests.average), 'issues/s', ` p99_ms=${issues.latency.p99} non2xx=${issues.non2xx}`);
  } finally {
    await sql.end();
    service.child.kill('SIGTERM');
    await service.exited;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
