import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '@promo/platform';
import { aCallerSpan, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { type BatchEventHandler, EventConsumer, OutboxWriter, type RecordOutcome } from '../src';
import { createTestTopic, uniqueGroupId } from '../src/testing';
import { cartUpdatedValue, quietLogger, type TestSubscription, useMessagingTestContext } from './fixtures/test-schema';

const NOW = new Date('2026-11-25T12:00:00Z');

/** Each consumed cart.updated announces its cart's promotion as deleted: any outbound event would do. */
function announced(event: { readonly data: unknown }): { type: 'pricing.promotion-changed'; key: string; data: { promotionId: string; change: 'deleted'; version: number; changedAt: string; promotion: null } } {
  const cartId = (event.data as { cartId: string }).cartId;
  return { type: 'pricing.promotion-changed', key: cartId, data: { promotionId: cartId, change: 'deleted', version: 1, changedAt: NOW.toISOString(), promotion: null } };
}

/**
 * #24: what the consumer and the outbox do with a record's trace context, against a real broker and Postgres. The
 * services' own tests follow whole traces (apps/pricing and apps/redemption-ledger tracing.int-spec.ts).
 */
describe('EventConsumer and OutboxWriter with trace context', () => {
  const context = useMessagingTestContext('tracing');
  const outbox = new OutboxWriter('promotions/test', () => NOW);
  const running: EventConsumer[] = [];

  afterEach(async () => {
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
  });

  async function consume(subscription: TestSubscription, outcomes: RecordOutcome[]): Promise<void> {
    const consumer = new EventConsumer({ ...context, groupId: uniqueGroupId('tracing'), subscriptions: [subscription], logger: quietLogger, now: () => NOW, onOutcome: (outcome) => void outcomes.push(outcome) });
    running.push(consumer);
    await consumer.start();
  }

  /** Announces each record through the outbox, one at a time or a batch at once. */
  function announcingBatchHandler(topic: string): TestSubscription<BatchEventHandler> {
    return {
      topic,
      handler: {
        eventType: 'cart.updated',
        handle: async (event, { manager }) => void (await outbox.enqueue(manager, announced(event))),
        handleBatch: (events, { manager }) => outbox.enqueueMany(manager, events.map(({ event }) => announced(event))),
      },
    };
  }

  async function outboxRowsOf(cartPrefix: string): Promise<{ key: string; headers: Record<string, string>; traceparent: string | null }[]> {
    return context.dataSource.query(`SELECT key, headers, value::jsonb ->> 'traceparent' AS traceparent FROM outbox_messages WHERE key LIKE $1 ORDER BY id`, [`${cartPrefix}%`]);
  }

  it('forwards a record’s trace unchanged to the events its handler writes to the outbox while tracing is off', async () => {
    const tracing = startTracing('test', {});
    try {
      const topic = await createTestTopic(context.admin, { prefix: 'tracing-off' });
      const run = uniqueSuffix();
      const handler: TestSubscription = { topic, handler: { eventType: 'cart.updated', handle: async (event, { manager }) => void (await outbox.enqueue(manager, announced(event))) } };
      const outcomes: RecordOutcome[] = [];
      const caller = aCallerSpan();
      await context.producer.send({
        topic,
        messages: [
          { key: 'a', value: cartUpdatedValue(`evt-${run}-a`, `cart-${run}-a`), headers: { traceparent: caller.traceparent, tracestate: 'congo=t61rcWkgMzE' } },
          { key: 'a', value: cartUpdatedValue(`evt-${run}-b`, `cart-${run}-b`) },
        ],
      });
      await consume(handler, outcomes);
      await waitFor(() => outcomes.length === 2, { description: 'the records handled' });
      expect(await outboxRowsOf(`cart-${run}-`)).toEqual([
        { key: `cart-${run}-a`, headers: { 'content-type': 'application/cloudevents+json', traceparent: caller.traceparent, tracestate: 'congo=t61rcWkgMzE' }, traceparent: caller.traceparent },
        { key: `cart-${run}-b`, headers: { 'content-type': 'application/cloudevents+json' }, traceparent: null },
      ]);
    } finally {
      await tracing.shutdown();
    }
  });

  it('forwards the trace of a batch handler’s run of one record while tracing is off', async () => {
    const tracing = startTracing('test', {});
    try {
      const topic = await createTestTopic(context.admin, { prefix: 'tracing-off-batch' });
      const run = uniqueSuffix();
      const outcomes: RecordOutcome[] = [];
      const caller = aCallerSpan();
      await context.producer.send({ topic, messages: [{ key: 'a', value: cartUpdatedValue(`evt-${run}`, `cart-${run}`), headers: { traceparent: caller.traceparent } }] });
      await consume(announcingBatchHandler(topic), outcomes);
      await waitFor(() => outcomes.length === 1, { description: 'the record handled' });
      expect((await outboxRowsOf(`cart-${run}`)).map((row) => [row.headers['traceparent'], row.traceparent])).toEqual([[caller.traceparent, caller.traceparent]]);
    } finally {
      await tracing.shutdown();
    }
  });

  it('runs a batch of several traced records in one consumer span linked to each, and the outbox keeps that span’s context', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing('test', {}, { spanProcessors: [new SimpleSpanProcessor(exporter)] });
    try {
      const topic = await createTestTopic(context.admin, { prefix: 'tracing-batch' });
      const run = uniqueSuffix();
      const callers = [aCallerSpan(), aCallerSpan(), aCallerSpan()];
      const handler = announcingBatchHandler(topic);
      // One send under one key: one partition, read as one batch by the idle consumer.
      await context.producer.send({
        topic,
        messages: callers.map((caller, i) => ({ key: 'one', value: cartUpdatedValue(`evt-${run}-${i}`, `cart-${run}-${i}`), headers: { traceparent: caller.traceparent } })),
      });
      const outcomes: RecordOutcome[] = [];
      await consume(handler, outcomes);
      await waitFor(() => outcomes.length === 3, { description: 'three records handled' });

      const [span, ...others] = exporter.getFinishedSpans().filter((finished) => finished.kind === SpanKind.CONSUMER);
      expect(others).toEqual([]);
      expect(span?.name).toBe(`process ${topic}`);
      expect(span?.parentSpanContext).toBeUndefined();
      expect(span?.links.map((link) => [link.context.traceId, link.context.spanId])).toEqual(callers.map((caller) => [caller.traceId, caller.spanId]));
      expect(span?.attributes['messaging.batch.message_count']).toBe(3);

      const traceparent = `00-${span?.spanContext().traceId}-${span?.spanContext().spanId}-01`;
      const rows = await outboxRowsOf(`cart-${run}-`);
      expect(rows.map((row) => [row.key, row.headers['traceparent'], row.traceparent])).toEqual([0, 1, 2].map((i) => [`cart-${run}-${i}`, traceparent, traceparent]));
    } finally {
      await tracing.shutdown();
    }
  });
});
