import { createServer, type Server } from 'node:http';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createKafka } from '@promo/messaging';
import { collectRecords } from '@promo/messaging/testing';
import { hashApiKey, startTracing, type Tracing } from '@promo/platform';
import { aCallerSpan, testInfra, traceparentIds as idsOf, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import type { Consumer, EachMessagePayload, Producer } from 'kafkajs';
import { anOrder, envelope } from './builders/order-event.builder';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request } from './support/ledger-test-env';

const INVENTORY_ADMIN = 'test-admin-key-inventory-for-ledger-tracing';

/** One span as OTLP/HTTP JSON carries it (ids in hex). */
interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly serviceName: string | undefined;
}

/**
 * What a collector would receive: an OTLP/HTTP endpoint on loopback keeping the spans posted to /v1/traces. No
 * collector runs here, and a service in its own process cannot share the test's in-process exporter.
 */
async function startOtlpReceiver(): Promise<{ readonly url: string; readonly spans: OtlpSpan[]; close(): Promise<void> }> {
  const spans: OtlpSpan[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const parsed = JSON.parse(body) as { resourceSpans?: { resource?: { attributes?: { key: string; value: { stringValue?: string } }[] }; scopeSpans?: { spans?: Omit<OtlpSpan, 'serviceName'>[] }[] }[] };
      for (const resourceSpans of parsed.resourceSpans ?? []) {
        const serviceName = resourceSpans.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value.stringValue;
        for (const scope of resourceSpans.scopeSpans ?? []) for (const span of scope.spans ?? []) spans.push({ ...span, serviceName });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('one trace from an order through the ledger to code-inventory (#24)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let harness: LedgerHarness;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let inventory: ServiceProcess;
  let inventoryPrefix: string;
  let producer: Producer;
  const collectors: Consumer[] = [];
  let recorded: EachMessagePayload[];
  let codeChanged: EachMessagePayload[];

  beforeAll(async () => {
    tracing = startTracing('redemption-ledger', {}, { spanProcessors: [new SimpleSpanProcessor(exporter)] });
    harness = await startLedgerHarness();
    receiver = await startOtlpReceiver();
    const infra = testInfra();
    inventoryPrefix = `t-${uniqueSuffix()}.`;
    const env = {
      PG_URL: infra.pgUrl,
      REDIS_URL: infra.redisUrl,
      REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}${uniqueSuffix()}:`,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: inventoryPrefix,
      API_KEYS: `admin:${hashApiKey(INVENTORY_ADMIN)}`,
      CODE_TOKEN_KEYS: 'test:test-secret-for-code-tokens',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      // Tracing on in the child, as an operator turns it on; spans are exported every 200 ms instead of 5 s.
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
    const migration = startServiceProcess('code-inventory', 'migrate', env);
    const migrated = await migration.exited;
    if (migrated.code !== 0) throw new Error(`code-inventory migration failed: ${JSON.stringify(migrated)}\n${migration.output()}`);
    inventory = startServiceProcess('code-inventory', 'main', { ...env, HTTP_PORT: String(await freePort()) });
    await waitUntilReady(inventory, 90_000);
    const kafka = createKafka({ clientId: `ledger-tracing-test-${uniqueSuffix()}`, brokers: infra.kafkaBrokers });
    producer = kafka.producer();
    await producer.connect();
    for (const [topic, assign] of [
      ['redemption.recorded', (records: EachMessagePayload[]) => (recorded = records)],
      ['code-inventory.code-changed', (records: EachMessagePayload[]) => (codeChanged = records)],
    ] as const) {
      const { consumer, records } = await collectRecords(kafka, topic);
      collectors.push(consumer);
      assign(records);
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(collectors.map((consumer) => consumer.disconnect()));
    await producer?.disconnect();
    inventory?.child.kill('SIGTERM');
    await inventory?.exited;
    await receiver?.close();
    await harness?.close();
    await tracing?.shutdown();
  }, 60_000);

  const inventoryAdmin = (method: string, path: string, body: unknown): Promise<Response> =>
    fetch(`${inventory.baseUrl}${path}`, { method, headers: { 'x-api-key': INVENTORY_ADMIN, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('publishes redemption.recorded under the order’s trace, and code-inventory consumes it and publishes the code change in the same trace', async () => {
    const suffix = uniqueSuffix();
    const promotionId = `promo-${suffix}`;
    const groupId = `G${suffix.toUpperCase()}`;
    const code = `TRACE-${suffix.toUpperCase()}`;
    expect((await inventoryAdmin('POST', '/v1/groups', { groupId, name: 'Traced', promotionId })).status).toBe(201);
    expect((await inventoryAdmin('POST', `/v1/groups/${groupId}/codes`, { codes: [code] })).status).toBe(200);
    expect((await request(harness.ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', aPromotionChange(promotionId).coupon().build())).status).toBe(200);

    // The commerce platform's checkout span: a trace and span id of the test's own.
    const { traceId, spanId: checkoutSpanId, traceparent } = aCallerSpan();
    const orderId = `o-${suffix}`;
    const order = anOrder(orderId).by('cu-trace').withUse(promotionId, code, 500).build();
    await producer.send({ topic: `${harness.topicPrefix}order.placed`, messages: [{ key: orderId, value: envelope('order.placed', orderId, order), headers: { traceparent } }] });

    // The ledger: its consumer span is the checkout's child, and the outbox row kept that span's context for the relay.
    const recordedRecord = await waitFor(() => recorded.find((record) => record.message.value?.toString().includes(`"orderId":"${orderId}"`)), { timeoutMs: 30_000, description: 'redemption.recorded of the order' });
    const recordedTrace = idsOf(recordedRecord.message.headers?.['traceparent']?.toString());
    expect(recordedTrace?.traceId).toBe(traceId);
    const recordedEvent = JSON.parse(recordedRecord.message.value?.toString() ?? '{}') as { type: string; traceparent?: string; data: { code: string } };
    expect(recordedEvent).toMatchObject({ type: 'redemption.recorded', data: { code } });
    expect(recordedEvent.traceparent).toBe(recordedRecord.message.headers?.['traceparent']?.toString());
    const ledgerSpan = exporter.getFinishedSpans().find((span) => span.spanContext().spanId === recordedTrace?.spanId);
    expect(ledgerSpan?.kind).toBe(SpanKind.CONSUMER);
    expect(ledgerSpan?.name).toBe(`process ${harness.topicPrefix}order.placed`);
    expect(ledgerSpan?.spanContext().traceId).toBe(traceId);
    expect(ledgerSpan?.parentSpanContext?.spanId).toBe(checkoutSpanId);

    // code-inventory reads its own copy of the topic: the record goes there as the ledger published it, headers included.
    await producer.send({
      topic: `${inventoryPrefix}redemption.recorded`,
      messages: [{ key: recordedRecord.message.key, value: recordedRecord.message.value, headers: recordedRecord.message.headers ?? {} }],
    });
    const changedRecord = await waitFor(() => codeChanged.find((record) => record.message.key?.toString() === code.toLowerCase()), { timeoutMs: 30_000, description: 'code-inventory.code-changed of the code' });
    expect(JSON.parse(changedRecord.message.value?.toString() ?? '{}')).toMatchObject({ data: { state: 'redeemed' } });
    const changedTrace = idsOf(changedRecord.message.headers?.['traceparent']?.toString());
    expect(changedTrace?.traceId).toBe(traceId);

    // Its spans, exported over OTLP: the consumer span is the ledger span's child, and the code change its child.
    const inventorySpan = await waitFor(() => receiver.spans.find((span) => span.spanId === changedTrace?.spanId), { timeoutMs: 20_000, description: 'code-inventory’s consumer span over OTLP' });
    expect(inventorySpan).toMatchObject({ traceId, parentSpanId: recordedTrace?.spanId, name: `process ${inventoryPrefix}redemption.recorded`, serviceName: 'code-inventory' });
  });
});

describe('an order’s trace through a ledger that does not trace (#24)', () => {
  let tracing: Tracing;
  let harness: LedgerHarness;
  let producer: Producer;
  let collector: Consumer;
  let recorded: EachMessagePayload[];

  beforeAll(async () => {
    tracing = startTracing('redemption-ledger', {});
    harness = await startLedgerHarness();
    const kafka = createKafka({ clientId: `ledger-tracing-off-test-${uniqueSuffix()}`, brokers: testInfra().kafkaBrokers });
    producer = kafka.producer();
    await producer.connect();
    ({ consumer: collector, records: recorded } = await collectRecords(kafka, 'redemption.recorded'));
  }, 120_000);

  afterAll(async () => {
    await collector?.disconnect();
    await producer?.disconnect();
    await harness?.close();
    await tracing?.shutdown();
  }, 60_000);

  it('publishes redemption.recorded with the order’s traceparent and tracestate unchanged', async () => {
    const suffix = uniqueSuffix();
    const promotionId = `promo-${suffix}`;
    expect((await request(harness.ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', aPromotionChange(promotionId).build())).status).toBe(200);
    const { traceparent } = aCallerSpan();
    const orderId = `o-${suffix}`;
    const order = anOrder(orderId).by('cu-off').withUse(promotionId, null, 300).build();
    await producer.send({ topic: `${harness.topicPrefix}order.placed`, messages: [{ key: orderId, value: envelope('order.placed', orderId, order), headers: { traceparent, tracestate: 'congo=t61rcWkgMzE' } }] });

    const record = await waitFor(() => recorded.find((candidate) => candidate.message.value?.toString().includes(`"orderId":"${orderId}"`)), { timeoutMs: 30_000, description: 'redemption.recorded of the order' });
    expect(record.message.headers?.['traceparent']?.toString()).toBe(traceparent);
    expect(record.message.headers?.['tracestate']?.toString()).toBe('congo=t61rcWkgMzE');
    expect(JSON.parse(record.message.value?.toString() ?? '{}')).toMatchObject({ type: 'redemption.recorded', traceparent, tracestate: 'congo=t61rcWkgMzE' });
  });
});
