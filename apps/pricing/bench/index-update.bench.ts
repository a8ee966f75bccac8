/**
 * Index update benchmark (#21): a store of 100,000 automatic promotions (written with SQL, as a migration of an
 * existing store would), two pricing processes on it:
 * - `incremental`, the default: a change is applied to the live index (PRICING_INDEX_UPDATES=incremental);
 * - `full`, the baseline: every change reads and compiles the whole store (PRICING_INDEX_UPDATES=full), the path
 *   before #21, in the same run.
 * `pricing.index_update_ms`: from the admin `PUT` of one promotion on a process until that process's price answer
 * reflects it (the median of ROUNDS), beside the same on the `full` process. Both processes hear every change
 * (their events); each measurement starts once both are idle again. Also printed, not a goal: the time until the
 * other process (the incremental one) reflects a change made on the full one, through the outbox and Kafka.
 * Prints `BENCH name=... value=... unit=...` lines; asserts nothing about time.
 */
import { hashApiKey } from '@promo/platform';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { freePort, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { Pool } from 'pg';

const ADMIN = 'bench-admin-key';
const STOREFRONT = 'bench-storefront-key';
const SIZE = Number(process.env['PRICING_INDEX_BENCH_SIZE'] ?? 100_000);
const ROUNDS = Number(process.env['PRICING_INDEX_BENCH_ROUNDS'] ?? 3);
/** A full compile of 100,000 on a loaded machine took tens of seconds (and every event, even another store's, asks for one). */
const REFLECT_TIMEOUT_MS = 900_000;
const TARGET = 'bench-target';
const SUBTOTAL = 10_000;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through \`npm run bench\``);
  return value;
}

/** SIZE personal promotions: each a product discount of its own (one product in 50,000), priorities 0..99. */
const STORE_SQL = `
INSERT INTO promotions (id, kind, name, search_text, enabled, priority, channels, currency, starts_at, ends_at, has_own_zone,
  definition, limits, version, change_seq, created_at, updated_at, deleted_at)
SELECT 'personal-' || i, 'automatic', 'Personal ' || i, 'personal ' || i, true, i % 100, ARRAY['web'], 'USD', NULL, NULL, false,
  jsonb_build_object('id', 'personal-' || i, 'kind', 'automatic', 'priority', i % 100,
    'targeting', jsonb_build_object('channels', jsonb_build_array('web'), 'currency', 'USD'),
    'rules', jsonb_build_array(jsonb_build_object(
      'conditions', jsonb_build_object('quantityAtLeast', jsonb_build_object('count', 1, 'items', jsonb_build_object('include', jsonb_build_object('product', jsonb_build_array('p-' || (i % 50000)))))),
      'reward', jsonb_build_object('type', 'itemsPercent', 'percent', 10, 'applyTo', 'each', 'items', jsonb_build_object('include', jsonb_build_object('product', jsonb_build_array('p-' || (i % 50000)))))))),
  '{"totalUses": null, "usesPerCode": null, "usesPerCustomer": null, "consumeUnit": "cart"}', 1, nextval('change_seq'), now(), now(), NULL
FROM generate_series(1, $1::int) AS i`;

const targetPromotion = (amount: number): Record<string, unknown> => ({
  id: TARGET,
  kind: 'automatic',
  priority: 1,
  targeting: { channels: [TARGET], currency: 'USD' },
  rules: [{ reward: { type: 'orderAmount', amount } }],
});

const cart = JSON.stringify({
  cartId: 'bench-index-update',
  channel: TARGET,
  currency: 'USD',
  customer: null,
  lines: [{ lineId: 'l1', sku: 'sku-1', productId: 'p-1', quantity: 1, unitPrice: SUBTOTAL }],
  codes: [],
  shipping: null,
});

interface Process {
  readonly name: string;
  readonly baseUrl: string;
}

async function totalOn(process: Process): Promise<number> {
  const response = await fetch(`${process.baseUrl}/v1/carts/price`, { method: 'POST', headers: { 'x-api-key': STOREFRONT, 'content-type': 'application/json' }, body: cart });
  return ((await response.json()) as { total: number }).total;
}

async function reflects(process: Process, amount: number, timeoutMs: number): Promise<void> {
  await waitFor(async () => (await totalOn(process)) === SUBTOTAL - amount, { timeoutMs, intervalMs: 1, description: `${process.name} prices with the target at ${amount}` });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const suffix = uniqueSuffix();
  const base: Record<string, string> = {
    PG_URL: required('PG_URL'),
    REDIS_URL: required('REDIS_URL'),
    KAFKA_BROKERS: required('KAFKA_BROKERS'),
    KAFKA_TOPIC_PARTITIONS: '4',
    KAFKA_TOPIC_PREFIX: `bench-index-${suffix}.`,
    PRICING_CONSUMER_GROUP: `pricing-bench-index-${suffix}`,
    API_KEYS: `admin:${hashApiKey(ADMIN)},storefront:${hashApiKey(STOREFRONT)}`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  const migration = startServiceProcess('pricing', 'migrate', base);
  if ((await migration.exited).code !== 0) throw new Error(`migration failed:\n${migration.output()}`);
  const sql = new Pool({ connectionString: base['PG_URL'], max: 2, options: '-c search_path=pricing' });
  await sql.query(`DELETE FROM promotions WHERE id LIKE 'personal-%' OR id = $1`, [TARGET]);
  await sql.query(STORE_SQL, [SIZE]);
  const started = (updates: 'incremental' | 'full') => async () =>
    startServiceProcess('pricing', 'main', {
      ...base,
      REDIS_KEY_PREFIX: `${process.env['REDIS_KEY_PREFIX'] ?? 'bench:'}${suffix}-${updates}:`,
      PRICING_INSTANCE_ID: `bench-index-${updates}-${suffix}`,
      PRICING_INDEX_UPDATES: updates,
      HTTP_PORT: String(await freePort()),
    });
  const incrementalService = await started('incremental')();
  const fullService = await started('full')();
  const services = [incrementalService, fullService];
  try {
    await Promise.all(services.map((service) => waitUntilReady(service, 600_000)));
    const incremental: Process = { name: 'incremental', baseUrl: incrementalService.baseUrl };
    const full: Process = { name: 'full', baseUrl: fullService.baseUrl };
    let version = 0;
    let amount = 100;
    const created = await fetch(`${incremental.baseUrl}/v1/promotions`, { method: 'POST', headers: { 'x-api-key': ADMIN, 'content-type': 'application/json' }, body: JSON.stringify(targetPromotion(amount)) });
    if (created.status !== 201) throw new Error(`target refused: ${created.status} ${await created.text()}`);
    version = ((await created.json()) as { version: number }).version;
    await Promise.all([reflects(incremental, amount, REFLECT_TIMEOUT_MS), reflects(full, amount, REFLECT_TIMEOUT_MS)]);

    let settleMs = 2_000;
    /** ms from the PUT on `on` until `on` prices with it, then waits until `other` does too (ms until then). */
    const change = async (on: Process, other: Process): Promise<{ local: number; other: number }> => {
      amount += 1;
      const t0 = performance.now();
      const response = await fetch(`${on.baseUrl}/v1/promotions/${TARGET}`, {
        method: 'PUT',
        headers: { 'x-api-key': ADMIN, 'content-type': 'application/json', 'if-match': `"${version}"` },
        body: JSON.stringify(targetPromotion(amount)),
      });
      if (response.status !== 200) throw new Error(`PUT refused: ${response.status} ${await response.text()}`);
      version = ((await response.json()) as { version: number }).version;
      await reflects(on, amount, REFLECT_TIMEOUT_MS);
      const local = performance.now() - t0;
      await reflects(other, amount, REFLECT_TIMEOUT_MS);
      const otherMs = performance.now() - t0;
      // The change's event reaches the process it was made on too: let the full one finish that rebuild before
      // the next measurement, so neither is measured beside the other's compile.
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      return { local, other: otherMs };
    };

    const incrementalMs: number[] = [];
    const fullMs: number[] = [];
    const viaEventMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      incrementalMs.push((await change(incremental, full)).local);
      const onFull = await change(full, incremental);
      fullMs.push(onFull.local);
      process.stdout.write(`# round ${round + 1}: incremental_ms=${incrementalMs.at(-1)?.toFixed(1)} full_ms=${onFull.local.toFixed(1)} other_replica_via_event_ms=${onFull.other.toFixed(1)}\n`);
      settleMs = Math.max(2_000, 2 * onFull.local);
      viaEventMs.push(onFull.other);
    }
    const value = median(incrementalMs);
    const baseline = median(fullMs);
    process.stdout.write(`BENCH name=pricing.index_update_ms value=${value.toFixed(1)} unit=ms baseline=${baseline.toFixed(1)} ratio=${(value / baseline).toFixed(4)} promotions=${SIZE}\n`);
    process.stdout.write(
      `# rounds incremental_ms=${incrementalMs.map((ms) => ms.toFixed(1)).join(',')} full_ms=${fullMs.map((ms) => ms.toFixed(1)).join(',')} other_replica_via_event_ms=${viaEventMs.map((ms) => ms.toFixed(1)).join(',')}\n`,
    );
  } catch (error) {
    for (const service of services) process.stderr.write(`service output (tail):\n${service.output().slice(-3_000)}\n`);
    throw error;
  } finally {
    await sql.query(`DELETE FROM promotions WHERE id LIKE 'personal-%' OR id = $1`, [TARGET]).catch(() => undefined);
    await sql.end();
    for (const service of services) service.child.kill('SIGTERM');
    await Promise.all(services.map((service) => service.exited));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
