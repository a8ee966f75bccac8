import { randomUUID } from 'node:crypto';
import { createKafka, type IngestionStats } from '@promo/messaging';
import { benchProducer, idleReadRate, ingestBenchLine, produceRecords } from '@promo/messaging/testing';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { freePort, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { Client } from 'pg';

const PARTITIONS = 4;
/** Each cart is updated this many times: the later updates reschedule its abandoned-cart steps. */
const UPDATES_PER_CART = 2;

export interface CampaignsIngestRun {
  /** The service's environment (database, Redis prefix, topics and group of this run's own). */
  readonly env: Readonly<Record<string, string>>;
  readonly adminKey: string;
  readonly events: number;
}

/** The `index`-th `cart.updated`: carts with a consenting customer and two lines, each updated UPDATES_PER_CART times, a minute apart. */
function cartUpdated(run: string, index: number, carts: number, base: number): { key: string; value: string } {
  const cartId = `bench-cart-${run}-${index % carts}`;
  const round = Math.floor(index / carts);
  const updatedAt = new Date(base + round * 60_000 + (index % carts)).toISOString();
  const data = {
    cartId,
    channel: 'web',
    currency: 'USD',
    customer: { customerId: `cu-${index % carts}`, email: `cu-${index % carts}@example.test`, marketingConsent: true },
    lines: [
      { lineId: 'l1', sku: 'SKU-1', productId: 'p1', name: 'Product 1', quantity: 1, unitPrice: 4_500 },
      { lineId: 'l2', sku: 'SKU-2', productId: 'p2', name: 'Product 2', quantity: 2, unitPrice: 1_250 },
    ],
    codes: [],
    updatedAt,
  };
  const event = { specversion: '1.0', id: randomUUID(), source: 'bench/storefront', type: 'cart.updated', time: updatedAt, datacontenttype: 'application/json', subject: cartId, data };
  return { key: cartId, value: JSON.stringify(event) };
}

async function admin(baseUrl: string, key: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: { 'x-api-key': key, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * `campaigns.ingest_per_s` (#21): `cart.updated` records into one campaigns process with one enabled
 * two-step abandoned-cart campaign (so each update writes its snapshot, two schedule rows and two delayed
 * jobs), from the first record sent until the service has committed every one (its ingestion stats).
 * The carts are updated an hour before the steps fall due, so no email is sent during the run. Baseline:
 * a consumer that does nothing reading the same records from the same broker in the same run.
 */
export async function benchCampaignsIngest(run: CampaignsIngestRun): Promise<void> {
  const suffix = uniqueSuffix();
  const env: Record<string, string> = {
    ...run.env,
    KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
    HTTP_PORT: String(await freePort()),
    NODE_ENV: 'production',
    // Production refuses the signing keys written in the repository.
    LINK_SIGNING_KEY: `campaigns-bench-link-key-${suffix}`,
  };
  const migration = startServiceProcess('campaigns', 'migrate', env);
  if ((await migration.exited).code !== 0) throw new Error(`campaigns migration failed:\n${migration.output()}`);
  const service = startServiceProcess('campaigns', 'main', env);
  try {
    await waitUntilReady(service, 120_000);
    await admin(service.baseUrl, run.adminKey, 'POST', '/v1/campaigns', {
      campaignId: `bench-recovery-${suffix}`,
      name: 'Bench cart recovery',
      kind: 'abandoned_cart',
      minimumCartValue: 1_000,
      steps: [
        { delayMinutes: 60, template: { subject: 'Your cart', text: 'Come back' } },
        { delayMinutes: 1_440, template: { subject: 'Still there?', text: 'Your cart waits' } },
      ],
    });
    const kafka = createKafka({ clientId: `campaigns-bench-${suffix}`, brokers: (env['KAFKA_BROKERS'] ?? '').split(',') });
    const topic = `${env['KAFKA_TOPIC_PREFIX'] ?? ''}cart.updated`;
    const carts = Math.max(1, Math.floor(run.events / UPDATES_PER_CART));
    // Now, so the steps (an hour on) do not fall due while the bench runs.
    const base = Date.now();
    const producer = await benchProducer(kafka);
    const started = performance.now();
    await produceRecords(producer, topic, run.events, (i) => cartUpdated(suffix, i, carts, base));
    await waitFor(
      async () => {
        const stats = (await admin(service.baseUrl, run.adminKey, 'GET', '/v1/ops/ingestion')) as IngestionStats;
        return (stats.topics.find((t) => t.topic === topic)?.processed ?? 0) >= run.events;
      },
      { timeoutMs: 600_000, intervalMs: 100, description: `${run.events} cart.updated processed` },
    );
    const ours = run.events / ((performance.now() - started) / 1000);
    await producer.disconnect();
    const sql = new Client({ connectionString: env['PG_URL'] ?? '', options: '-c search_path=campaigns' });
    await sql.connect();
    const pending = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM email_schedules WHERE status = 'pending'`);
    await sql.end();
    const baseline = await idleReadRate(kafka, topic, run.events, `campaigns-bench-idle-${suffix}`);
    process.stdout.write(ingestBenchLine('campaigns.ingest_per_s', ours, baseline, { events: run.events, carts, pending_steps: pending.rows[0]?.n ?? 0 }));
  } catch (error) {
    process.stderr.write(`service output (tail):\n${service.output().slice(-4_000)}\n`);
    throw error;
  } finally {
    service.child.kill('SIGTERM');
    await service.exited;
  }
}
