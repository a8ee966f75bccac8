import { randomUUID } from 'node:crypto';
import type { IngestionStats } from '@promo/messaging';
import { benchProducer, idleReadRate, ingestBenchLine, produceRecords } from '@promo/messaging/testing';
import { createKafka } from '@promo/messaging';
import { waitFor } from '@promo/platform/testing';
import type { ServiceProcess } from '@promo/service-runtime/testing';
import { Client } from 'pg';

const PROMOTIONS = 10;

export interface LedgerIngestRun {
  readonly service: ServiceProcess;
  readonly adminKey: string;
  readonly brokers: readonly string[];
  readonly pgUrl: string;
  /** The service's KAFKA_TOPIC_PREFIX and a suffix of this run's own. */
  readonly topicPrefix: string;
  readonly suffix: string;
  readonly events: number;
}

function orderPlaced(suffix: string, index: number): { key: string; value: string } {
  const orderId = `bench-order-${suffix}-${index}`;
  const promotionId = `bench-ingest-${suffix}-${index % PROMOTIONS}`;
  const data = {
    orderId,
    cartId: `cart-${orderId}`,
    channel: 'web',
    currency: 'USD',
    customer: { customerId: `cu-${index}` },
    lines: [{ lineId: 'l1', sku: 'SKU-1', productId: 'p1', quantity: 1, unitPrice: 10_500 }],
    // A customer and a group code of its own per order (a coupon allows one use per customer by default): every use is accepted.
    appliedPromotions: [{ promotionId, code: `BENCH-${index}`, amount: 500 }],
    reservationId: null,
    subtotal: 10_500,
    discountTotal: 500,
    shippingTotal: 0,
    total: 10_000,
    placedAt: '2026-11-20T10:00:00Z',
  };
  const event = { specversion: '1.0', id: randomUUID(), source: 'bench/commerce', type: 'order.placed', time: '2026-11-20T10:00:00Z', datacontenttype: 'application/json', subject: orderId, data };
  return { key: orderId, value: JSON.stringify(event) };
}

async function processedOf(run: LedgerIngestRun, topic: string): Promise<number> {
  const response = await fetch(`${run.service.baseUrl}/v1/ops/ingestion`, { headers: { 'x-api-key': run.adminKey } });
  const stats = (await response.json()) as IngestionStats;
  return stats.topics.find((t) => t.topic === topic)?.processed ?? 0;
}

/**
 * `ledger.ingest_per_s` (#21): `order.placed` records, each with one code use, sent to one ledger process,
 * from the first record sent until the service has committed the effect of every one (its ingestion stats);
 * baseline: a consumer that does nothing reading the same records from the same broker in the same run.
 */
export async function benchLedgerIngest(run: LedgerIngestRun): Promise<void> {
  for (let i = 0; i < PROMOTIONS; i += 1) {
    const promotionId = `bench-ingest-${run.suffix}-${i}`;
    const response = await fetch(`${run.service.baseUrl}/v1/promotion-changes`, {
      method: 'POST',
      headers: { 'x-api-key': run.adminKey, 'content-type': 'application/json' },
      body: JSON.stringify({ promotionId, change: 'created', version: 1, changedAt: '2026-11-20T00:00:00Z', promotion: { id: promotionId, kind: 'coupon', limits: { totalUses: 10_000_000 } } }),
    });
    if (response.status !== 200) throw new Error(`promotion change refused: ${response.status} ${await response.text()}`);
  }
  const kafka = createKafka({ clientId: `ledger-bench-${run.suffix}`, brokers: [...run.brokers] });
  const topic = `${run.topicPrefix}order.placed`;
  const producer = await benchProducer(kafka);
  const started = performance.now();
  await produceRecords(producer, topic, run.events, (i) => orderPlaced(run.suffix, i));
  await waitFor(async () => (await processedOf(run, topic)) >= run.events, { timeoutMs: 600_000, intervalMs: 100, description: `${run.events} order.placed processed` });
  const ours = run.events / ((performance.now() - started) / 1000);
  await producer.disconnect();
  const sql = new Client({ connectionString: run.pgUrl, options: '-c search_path=redemption_ledger' });
  await sql.connect();
  const accepted = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM order_uses WHERE decision = 'accepted' AND order_id LIKE $1`, [`bench-order-${run.suffix}-%`]);
  await sql.end();
  const baseline = await idleReadRate(kafka, topic, run.events, `ledger-bench-idle-${run.suffix}`);
  process.stdout.write(ingestBenchLine('ledger.ingest_per_s', ours, baseline, { events: run.events, accepted_uses: accepted.rows[0]?.n ?? 0 }));
}
