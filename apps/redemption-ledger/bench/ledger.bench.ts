/**
 * Redemption-ledger benchmark (#6), against the real Postgres and Redis of the run:
 * - reserve-usage.lua on one hot code called directly, with as baseline EVALSHA of a trivial script with
 *   the same six keys, same client and the same number of calls in flight (ratio = ours ÷ baseline);
 * - `POST /v1/reservations` on one service process with 64 connections: reservations/s and p99;
 * - overruns: uses held beyond the code's limit after that concurrent run (must be 0);
 * - #20: reserve-usage.lua again on a local Redis Cluster (3 masters, 3 replicas) with WAIT 1 after each
 *   call, as the ledger runs there, against the single-node figure of the same run as baseline. One hot
 *   promotion lives in one slot, so this is one shard's rate plus a replica round trip per reservation.
 *   LEDGER_BENCH_CLUSTER=0 skips it (it needs redis-server and redis-cli).
 * - `ledger.ingest_per_s` (#21): LEDGER_BENCH_EVENTS (default 10,000) `order.placed`, each with one code use,
 *   into one service process (4 partitions), beside an idle consumer of the same records (bench/ledger-ingest.ts).
 * Prints `BENCH name=... value=... unit=...` lines; asserts nothing about time.
 */
import { connectionOfKey, createRedisConnection, hashApiKey, type RedisClient } from '@promo/platform';
import { startLocalRedisCluster, uniqueSuffix } from '@promo/platform/testing';
import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { Registry } from 'prom-client';
import { usageKeys } from '../src/usage/usage-keys';
import { limitArgs, UsageScripts } from '../src/usage/usage-scripts';
import { benchLedgerIngest } from './ledger-ingest';

const ADMIN = 'bench-admin-key';
const STOREFRONT = 'bench-storefront-key';
const CONNECTIONS = 64;
const DURATION_S = Number(process.env['LEDGER_BENCH_SECONDS'] ?? 10);
const LUA_CALLS = Number(process.env['LEDGER_BENCH_LUA_CALLS'] ?? 50_000);
const IN_FLIGHT = 64;
const CODE_LIMIT = 1_000;
/** LEDGER_BENCH_PARTS=lua,cluster,http,ingest picks parts (default all; cluster needs lua, its baseline). */
const PARTS = new Set(env('LEDGER_BENCH_PARTS', 'lua,cluster,http,ingest').split(','));
const INGEST_EVENTS = Number(env('LEDGER_BENCH_EVENTS', '10000'));
const INGEST_PARTITIONS = 4;

function env(name: string, fallback: string): string {
  return process.env[name] ?? fallback;
}

function line(name: string, value: number, unit: string, baseline?: number): void {
  const extra = baseline === undefined ? '' : ` baseline=${baseline.toFixed(0)} ratio=${(value / baseline).toFixed(3)}`;
  process.stdout.write(`BENCH name=${name} value=${Number.isInteger(value) ? value : value.toFixed(value < 100 ? 2 : 0)} unit=${unit}${extra}\n`);
}

/** Calls `call(i)` for i < total with `inFlight` outstanding at a time; returns calls per second. */
async function rate(total: number, inFlight: number, call: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        const i = next;
        next += 1;
        await call(i);
      }
    }),
  );
  return total / ((performance.now() - started) / 1_000);
}

async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const admin = new Redis(redisUrl);
  await admin.eval(`for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('UNLINK', key) end return 1`, 0, pattern);
  await admin.quit();
}

/** reserve-usage.lua on one hot code, `waitReplicas` replicas acknowledging each call; prints nothing, returns calls/s and its trivial-script baseline. */
async function benchLua(redis: RedisClient, waitReplicas: number): Promise<{ ours: number; baseline: number }> {
  const config = { LEDGER_REDIS_WAIT_REPLICAS: waitReplicas, LEDGER_REDIS_WAIT_TIMEOUT_MS: 1_000 };
  const scripts = new UsageScripts(redis, new Registry(), config);
  const promotionId = 'bench-hot';
  const limits = usageKeys({ promotionId, codeKey: null, customerId: null, holdId: '-' }).limits;
  const [total, perCode, perCustomer, unit, deleted, version] = limitArgs({ total: -1, perCode: LUA_CALLS * 4, perCustomer: -1, unit: 'cart', isDeleted: false, version: 1 });
  await redis.hset(limits, { total, perCode, perCustomer, unit, deleted, version });
  // Loaded on the master of the hot promotion's slot (the baseline's keys live there too).
  const trivialSha = String(await connectionOfKey(redis, limits).script('LOAD', 'return 1'));
  const expiresAt = Date.now() + 900_000;
  const reserve = (round: string) => (i: number) =>
    scripts.reserve({ promotionId, codeKey: 'hot-code', customerId: `cu-${i % 5_000}`, holdId: `${round}-${i}`, units: 1 }, expiresAt, 'fingerprint');
  const trivial = (i: number) => {
    const keys = usageKeys({ promotionId, codeKey: 'hot-code', customerId: `cu-${i % 5_000}`, holdId: `t-${i}` });
    return redis.evalsha(trivialSha, 6, keys.limits, keys.total, keys.code, keys.customer, keys.hold, keys.expiries, `t-${i}`);
  };
  await rate(5_000, IN_FLIGHT, reserve('warm'));
  await rate(5_000, IN_FLIGHT, trivial);
  const baseline = await rate(LUA_CALLS, IN_FLIGHT, trivial);
  const ours = await rate(LUA_CALLS, IN_FLIGHT, reserve('run'));
  return { ours, baseline };
}

async function benchLuaSingle(redisUrl: string, prefix: string): Promise<number> {
  const keyPrefix = `${prefix}redemption-ledger:`;
  const redis = new Redis(redisUrl, { keyPrefix });
  const { ours, baseline } = await benchLua(redis, 0);
  line('ledger.lua_reserve_per_s', Math.round(ours), 'reservations/s', baseline);
  await redis.quit();
  await deleteKeys(redisUrl, `${keyPrefix}*`);
  return ours;
}

async function benchLuaCluster(prefix: string, single: number): Promise<void> {
  if (env('LEDGER_BENCH_CLUSTER', '1') === '0') return;
  const cluster = await startLocalRedisCluster(Number(env('LEDGER_BENCH_CLUSTER_PORT', '17300')));
  const redis = createRedisConnection({ url: '', clusterNodes: cluster.nodes }, { keyPrefix: `${prefix}redemption-ledger:`, maxRetriesPerRequest: 3 });
  try {
    const { ours, baseline } = await benchLua(redis, 1);
    line('ledger.lua_reserve_per_s.cluster', Math.round(ours), 'reservations/s', single);
    line('ledger.lua_trivial_per_s.cluster', Math.round(baseline), 'calls/s');
  } finally {
    await redis.quit();
    await cluster.stop();
  }
}

/** One ledger process on topics and a group of its own, migrated and ready. */
async function startLedger(redisUrl: string, prefix: string, partitions: number): Promise<{ service: ServiceProcess; env: Record<string, string>; suffix: string }> {
  const suffix = uniqueSuffix();
  const serviceEnv: Record<string, string> = {
    PG_URL: env('PG_URL', 'postgres://postgres@127.0.0.1:5432/promotions'),
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    KAFKA_BROKERS: env('KAFKA_BROKERS', '127.0.0.1:19092'),
    KAFKA_TOPIC_PREFIX: `ledger-bench-${suffix}.`,
    KAFKA_GROUP_ID: `ledger-bench-${suffix}`,
    KAFKA_TOPIC_PARTITIONS: String(partitions),
    HTTP_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    PG_POOL_SIZE: '20',
    API_KEYS: `admin:${hashApiKey(ADMIN)},storefront:${hashApiKey(STOREFRONT)}`,
  };
  const migration = startServiceProcess('redemption-ledger', 'migrate', serviceEnv);
  const migrated = await migration.exited;
  if (migrated.code !== 0) throw new Error(`migration failed: ${migration.output().slice(-2_000)}`);
  const service = startServiceProcess('redemption-ledger', 'main', serviceEnv);
  try {
    await waitUntilReady(service);
  } catch (error) {
    service.child.kill('SIGTERM');
    throw error;
  }
  return { service, env: serviceEnv, suffix };
}

async function stopLedger(service: ServiceProcess, redisUrl: string, prefix: string): Promise<void> {
  service.child.kill('SIGTERM');
  await service.exited;
  await deleteKeys(redisUrl, `${prefix}redemption-ledger:*`);
}

async function benchHttp(redisUrl: string, prefix: string): Promise<void> {
  const { service, env: serviceEnv, suffix } = await startLedger(redisUrl, prefix, 1);
  try {
    const promotionId = `bench-http-${suffix}`;
    const learned = await fetch(`${service.baseUrl}/v1/promotion-changes`, {
      method: 'POST',
      headers: { 'x-api-key': ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ promotionId, change: 'created', version: 1, changedAt: '2026-11-20T00:00:00Z', promotion: { id: promotionId, kind: 'coupon', limits: { usesPerCode: CODE_LIMIT } } }),
    });
    if (learned.status !== 200) throw new Error(`promotion change refused: ${learned.status} ${await learned.text()}`);
    let n = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        {
          url: `${service.baseUrl}/v1/reservations`,
          connections: CONNECTIONS,
          duration: DURATION_S,
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
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`HTTP run had ${result.non2xx} non-2xx answers and ${result.errors} errors`);
    line('ledger.http_reserve_per_s', Math.round(result.requests.total / (result.duration || DURATION_S)), 'reservations/s');
    line('ledger.http_p99_ms', result.latency.p99, 'ms');
    const sql = new Client({ connectionString: serviceEnv['PG_URL'], options: '-c search_path=redemption_ledger' });
    await sql.connect();
    const held = await sql.query(`SELECT count(*)::int AS n FROM usage_holds WHERE promotion_id = $1 AND state IN ('reserved', 'committed')`, [promotionId]);
    await sql.end();
    const redis = new Redis(redisUrl, { keyPrefix: `${prefix}redemption-ledger:` });
    const counted = Number((await redis.get(`usage:{${promotionId}}:code:hot-code`)) ?? 0);
    await redis.quit();
    const postgresHeld: number = held.rows[0]?.n ?? 0;
    line('ledger.overruns', Math.max(0, postgresHeld - CODE_LIMIT, counted - CODE_LIMIT), 'uses');
  } finally {
    await stopLedger(service, redisUrl, prefix);
  }
}

async function benchIngest(redisUrl: string, prefix: string): Promise<void> {
  const { service, env: serviceEnv, suffix } = await startLedger(redisUrl, prefix, INGEST_PARTITIONS);
  try {
    await benchLedgerIngest({
      service,
      adminKey: ADMIN,
      brokers: (serviceEnv['KAFKA_BROKERS'] ?? '').split(','),
      pgUrl: serviceEnv['PG_URL'] ?? '',
      topicPrefix: serviceEnv['KAFKA_TOPIC_PREFIX'] ?? '',
      suffix,
      events: INGEST_EVENTS,
    });
  } catch (error) {
    process.stderr.write(`service output (tail):\n${service.output().slice(-4_000)}\n`);
    throw error;
  } finally {
    await stopLedger(service, redisUrl, prefix);
  }
}

async function main(): Promise<void> {
  const redisUrl = env('REDIS_URL', 'redis://127.0.0.1:6379');
  const prefix = `${env('REDIS_KEY_PREFIX', 'bench:')}ledger-${uniqueSuffix()}:`;
  if (PARTS.has('lua')) {
    const single = await benchLuaSingle(redisUrl, prefix);
    if (PARTS.has('cluster')) await benchLuaCluster(prefix, single);
  }
  if (PARTS.has('http')) await benchHttp(redisUrl, prefix);
  if (PARTS.has('ingest')) await benchIngest(redisUrl, prefix);
}

main().catch((error: unknown) => {
  process.stderr.write(`ledger bench failed: ${String(error instanceof Error ? (error.stack ?? error.message) : error)}\n`);
  process.exit(1);
});
