import { randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createKafka } from '@promo/messaging';
import { collectRecords } from '@promo/messaging/testing';
import { startTracing, type Tracing } from '@promo/platform';
import { aCallerSpan, traceparentIds as idsOf, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { type Consumer, type EachMessagePayload, Partitioners, type Producer } from 'kafkajs';
import { aCart } from './builders/cart.builder';
import { anAutomatic } from './builders/promotion.builder';
import { ADMIN_KEY, type PricingApp, STOREFRONT_KEY, startPricingApp } from './support/pricing-app';

describe('one trace through pricing (#24): cart.updated -> pricing.cart-priced, and HTTP', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let pricing: PricingApp;
  let producer: Producer;
  let collector: Consumer;
  let cartPriced: EachMessagePayload[];

  beforeAll(async () => {
    // Before the app: configureHttpApp installs the request interceptor only while tracing is on.
    tracing = startTracing('pricing', {}, { spanProcessors: [new SimpleSpanProcessor(exporter)] });
    pricing = await startPricingApp();
    const kafka = createKafka({ clientId: `pricing-tracing-test-${uniqueSuffix()}`, brokers: pricing.config.KAFKA_BROKERS });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    ({ consumer: collector, records: cartPriced } = await collectRecords(kafka, 'pricing.cart-priced'));
  }, 120_000);

  afterAll(async () => {
    await collector.disconnect();
    await producer.disconnect();
    await pricing.close();
    await tracing.shutdown();
  }, 40_000);

  const spansOf = (traceId: string): ReadableSpan[] => exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);

  /** Publishes a cart.updated as the commerce platform would, with its trace in the header or in the envelope. */
  const publishCart = async (cart: Record<string, unknown>, trace: { readonly header?: string; readonly envelope?: string }): Promise<string> => {
    const id = randomUUID();
    const envelope = { specversion: '1.0', id, source: 'test/pricing', type: 'cart.updated', time: '2026-06-01T12:00:00Z', datacontenttype: 'application/json', ...(trace.envelope ? { traceparent: trace.envelope } : {}), data: cart };
    await producer.send({
      topic: `${pricing.config.KAFKA_TOPIC_PREFIX}cart.updated`,
      messages: [{ key: String(cart['cartId']), value: JSON.stringify(envelope), headers: trace.header ? { traceparent: trace.header } : {} }],
    });
    return id;
  };

  const pricedRecordOf = (cartId: string): Promise<EachMessagePayload> =>
    waitFor(() => cartPriced.find((record) => record.message.key?.toString() === cartId), { timeoutMs: 30_000, description: `the cart-priced of ${cartId}` });

  let channel: string;
  beforeAll(async () => {
    channel = `web-${uniqueSuffix()}`;
    expect((await pricing.admin('POST', '/v1/promotions', anAutomatic().withChannel(channel).withPercentOff(10).build())).status).toBe(201);
    const probe = aCart(channel).withLine(1000).build();
    await waitFor(async () => ((await (await pricing.storefront('POST', '/v1/carts/price', probe)).json()) as { total: number }).total === 900, {
      timeoutMs: 15_000,
      description: 'the promotion is in the index',
    });
  }, 30_000);

  it('publishes the cart-priced of a traced cart.updated under the same trace, as a child of its consumer span', async () => {
    const caller = aCallerSpan();
    const cart: Record<string, unknown> = { ...aCart(channel).withLine(1000, 2).build(), updatedAt: '2026-06-01T12:00:00Z' };
    const cartId = String(cart['cartId']);
    const inputId = await publishCart(cart, { header: caller.traceparent });

    const record = await pricedRecordOf(cartId);
    const header = idsOf(record.message.headers?.['traceparent']?.toString());
    const event = JSON.parse(record.message.value?.toString() ?? '{}') as { traceparent?: string; data: { sourceEventId: string; total: number } };
    expect(event.data).toMatchObject({ sourceEventId: inputId, total: 1800 });
    expect(header?.traceId).toBe(caller.traceId);
    // The envelope carries the same context (CloudEvents distributed-tracing extension).
    expect(event.traceparent).toBe(record.message.headers?.['traceparent']?.toString());

    const consumed = await waitFor(() => spansOf(caller.traceId).find((span) => span.kind === SpanKind.CONSUMER), { timeoutMs: 10_000, description: 'the consumer span' });
    expect(consumed.name).toBe(`process ${pricing.config.KAFKA_TOPIC_PREFIX}cart.updated`);
    expect(consumed.parentSpanContext?.spanId).toBe(caller.spanId);
    expect(consumed.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.message.id': inputId, 'messaging.consumer.group.name': pricing.config.PRICING_CONSUMER_GROUP });
    // The published record's parent is pricing's consumer span, not the caller's span: one hop further in the same trace.
    expect(header?.spanId).toBe(consumed.spanContext().spanId);
  });

  it('follows a trace given only in the envelope, as an upstream producer may send it', async () => {
    const caller = aCallerSpan();
    const cart: Record<string, unknown> = { ...aCart(channel).withLine(500).build(), updatedAt: '2026-06-01T12:00:00Z' };
    await publishCart(cart, { envelope: caller.traceparent });
    const record = await pricedRecordOf(String(cart['cartId']));
    expect(idsOf(record.message.headers?.['traceparent']?.toString())?.traceId).toBe(caller.traceId);
  });

  it('publishes a cart without a trace under a new one of its own', async () => {
    const cart: Record<string, unknown> = { ...aCart(channel).withLine(500).build(), updatedAt: '2026-06-01T12:00:00Z' };
    await publishCart(cart, {});
    const record = await pricedRecordOf(String(cart['cartId']));
    const header = idsOf(record.message.headers?.['traceparent']?.toString());
    expect(header).toBeDefined();
    const consumed = exporter.getFinishedSpans().find((span) => span.spanContext().spanId === header?.spanId);
    expect(consumed?.parentSpanContext).toBeUndefined();
  });

  it('answers a request in a server span child of the caller’s traceparent, with the route and status', async () => {
    const caller = aCallerSpan();
    const response = await fetch(`${pricing.baseUrl}/v1/carts/price`, {
      method: 'POST',
      headers: { 'x-api-key': STOREFRONT_KEY, 'content-type': 'application/json', traceparent: caller.traceparent },
      body: JSON.stringify(aCart(channel).withLine(1000).build()),
    });
    expect(response.status).toBe(200);
    const served = await waitFor(() => spansOf(caller.traceId).find((span) => span.kind === SpanKind.SERVER), { timeoutMs: 10_000, description: 'the server span' });
    expect(served.name).toBe('POST /v1/carts/price');
    expect(served.parentSpanContext?.spanId).toBe(caller.spanId);
    expect(served.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/v1/carts/price', 'http.response.status_code': 200 });
  });

  it('does the same on Fastify (HTTP_ADAPTER), whose reply wraps the response', async () => {
    const onFastify = await startPricingApp({ HTTP_ADAPTER: 'fastify' });
    try {
      const caller = aCallerSpan();
      const response = await fetch(`${onFastify.baseUrl}/v1/promotions/${randomUUID()}`, { headers: { 'x-api-key': ADMIN_KEY, traceparent: caller.traceparent } });
      expect(response.status).toBe(404);
      const served = await waitFor(() => spansOf(caller.traceId).find((span) => span.kind === SpanKind.SERVER), { timeoutMs: 10_000, description: 'the server span' });
      expect(served.name).toBe('GET /v1/promotions/:id');
      expect(served.parentSpanContext?.spanId).toBe(caller.spanId);
      expect(served.attributes).toMatchObject({ 'http.route': '/v1/promotions/:id', 'http.response.status_code': 404 });
    } finally {
      await onFastify.close();
    }
  }, 60_000);
});
