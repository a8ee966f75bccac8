import type { Admin, Kafka, Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import { testInfra } from '@promo/platform/testing';
import { createKafka, fetchConsumerLag, MessagingMetrics } from '../src';
import { createTestTopic, uniqueGroupId } from '../src/testing';

const infra = testInfra();

describe('consumer lag and messaging metrics against a real broker', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;

  beforeAll(async () => {
    kafka = createKafka({ clientId: 'messaging-metrics-test', brokers: infra.kafkaBrokers });
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  });

  it('is the records after the committed offset on each partition, all of them before the first commit', async () => {
    const topic = await createTestTopic(admin, { prefix: 'lag', partitions: 2 });
    const group = uniqueGroupId('lag');
    await producer.send({ topic, messages: [0, 1, 2, 3, 4].map((n) => ({ partition: 0, value: `p0-${n}` })) });
    await producer.send({ topic, messages: [0, 1].map((n) => ({ partition: 1, value: `p1-${n}` })) });

    expect(await fetchConsumerLag(admin, group, [topic])).toEqual(
      expect.arrayContaining([
        { topic, partition: 0, lag: 5 },
        { topic, partition: 1, lag: 2 },
      ]),
    );

    // The group has consumed 3 records of partition 0 and both of partition 1.
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '3' }, { partition: 1, offset: '2' }] });
    const lags = await fetchConsumerLag(admin, group, [topic]);
    expect([...lags].sort((a, b) => a.partition - b.partition)).toEqual([
      { topic, partition: 0, lag: 2 },
      { topic, partition: 1, lag: 0 },
    ]);

    const registry = new Registry();
    const metrics = new MessagingMetrics(registry, group);
    metrics.setLag(lags);
    const text = await registry.metrics();
    expect(text).toContain(`kafka_consumer_lag{topic="${topic}",partition="0",group="${group}"} 2`);
    expect(text).toContain(`kafka_consumer_lag{topic="${topic}",partition="1",group="${group}"} 0`);
  });

  it('counts outcomes and retries by topic and the outbox backlog', async () => {
    const registry = new Registry();
    const metrics = new MessagingMetrics(registry, 'g');
    const position = { topic: 'order.placed', partition: 0, offset: '7', key: 'o-1' };
    const event = { specversion: '1.0', id: 'e-1', source: 's', type: 'order.placed', time: '2026-11-25T12:00:00Z', datacontenttype: 'application/json', data: {} } as const;
    metrics.observeOutcome({ kind: 'processed', event, position });
    metrics.observeOutcome({ kind: 'processed', event, position });
    metrics.observeOutcome({ kind: 'duplicate', event, position });
    metrics.observeOutcome({ kind: 'dead-lettered', letter: { reason: 'not_json', detail: 'x' }, position });
    metrics.observeRetry('order.placed', 'handler');
    metrics.setOutboxBacklog(12);
    const text = await registry.metrics();
    expect(text).toContain('messaging_events_processed_total{topic="order.placed",outcome="processed"} 2');
    expect(text).toContain('messaging_events_processed_total{topic="order.placed",outcome="duplicate"} 1');
    expect(text).toContain('messaging_events_dead_lettered_total{topic="order.placed",reason="not_json"} 1');
    expect(text).toContain('messaging_event_retries_total{topic="order.placed",failure="handler"} 1');
    expect(text).toContain('outbox_backlog 12');
  });
});
