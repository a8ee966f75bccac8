import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Admin, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { testInfra, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { createKafka, DLQ_HEADERS, ensureTopics, EventConsumer, type RecordOutcome } from '../src';
import { collectRecords, createTestTopic, uniqueGroupId } from '../src/testing';
import { cartUpdatedValue, createTestDataSource, effectWritingHandler, quietLogger, type TestSubscription } from './fixtures/test-schema';

const infra = testInfra();
const workspaceRoot = path.resolve(__dirname, '../../..');

describe('EventConsumer against a real broker and Postgres', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let dataSource: DataSource;
  let schema: string;
  const running: EventConsumer[] = [];
  const collectors: { disconnect(): Promise<void> }[] = [];

  beforeAll(async () => {
    kafka = createKafka({ clientId: 'messaging-int-test', brokers: infra.kafkaBrokers });
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    schema = `msg_test_${uniqueSuffix()}`;
    dataSource = await createTestDataSource(infra.pgUrl, schema);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    await Promise.all(collectors.splice(0).map((c) => c.disconnect()));
  });

  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  });

  async function topicWithDeadLetters(group: string): Promise<{ topic: string; dlq: string }> {
    const topic = await createTestTopic(admin, { prefix: 'cart-updated' });
    const dlq = `${topic}.${group}.dlq`;
    await ensureTopics(admin, [{ topic: dlq, numPartitions: 1 }]);
    return { topic, dlq };
  }

  function startConsumer(
    group: string,
    subscriptions: readonly TestSubscription[],
    outcomes: RecordOutcome[] = [],
    retry = { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 50 },
    partitionsConsumedConcurrently = 1,
  ): Promise<void> {
    const consumer = new EventConsumer({
      partitionsConsumedConcurrently,
      kafka,
      producer,
      dataSource,
      groupId: group,
      subscriptions,
      logger: quietLogger,
      now: () => new Date('2026-11-25T12:00:00Z'),
      retry,
      onOutcome: (outcome) => void outcomes.push(outcome),
    });
    running.push(consumer);
    return consumer.start();
  }

  async function effectsFor(cartPrefix: string): Promise<{ event_id: string; cart_id: string }[]> {
    return dataSource.query(`SELECT event_id, cart_id FROM effects WHERE cart_id LIKE $1 ORDER BY id`, [`${cartPrefix}%`]);
  }

  it('dead-letters every kind of malformed record with its reason and goes on with the good records after them', async () => {
    const group = uniqueGroupId('messaging');
    const { topic, dlq } = await topicWithDeadLetters(group);
    const run = uniqueSuffix();
    const cart = (n: number) => `cart-${run}-${n}`;
    const truncatedCopy = cartUpdatedValue('evt-good-2', cart(2)).slice(0, 70);
    const malformed: { value: Buffer; reason: string }[] = [
      { value: Buffer.from(cartUpdatedValue('evt-trunc', cart(90)).slice(0, 50)), reason: 'not_json' },
      { value: Buffer.from([0x00, 0xff, 0x20, 0x6e, 0x6f, 0x74]), reason: 'not_json' },
      { value: Buffer.from(cartUpdatedValue('evt-unknown', cart(91), { envelope: { type: 'cart.exploded' } })), reason: 'unknown_type' },
      { value: Buffer.from(cartUpdatedValue('evt-missing', cart(92), { data: { currency: undefined } })), reason: 'missing_field' },
      {
        value: Buffer.from(cartUpdatedValue('evt-negative', cart(93), { data: { lines: [{ lineId: 'l', sku: 'S', productId: 'p', quantity: -2, unitPrice: 100 }] } })),
        reason: 'invalid_value',
      },
      { value: Buffer.from(cartUpdatedValue('evt-badtime', cart(94), { data: { updatedAt: '2026-11-20 00:12' } })), reason: 'invalid_value' },
      { value: Buffer.from(cartUpdatedValue('evt-wrongtype', cart(95), { data: { lines: 'none' } })), reason: 'wrong_type' },
      // A truncated copy carrying the id of a good event that comes later: dead-lettered, and the id is not marked seen.
      { value: Buffer.from(truncatedCopy), reason: 'not_json' },
    ];
    await producer.send({
      topic,
      messages: [
        { key: cart(1), value: cartUpdatedValue('evt-good-1', cart(1)) },
        ...malformed.map((m, i) => ({ key: `bad-${i}`, value: m.value, headers: { 'content-type': 'application/cloudevents+json' } })),
        { key: cart(2), value: cartUpdatedValue('evt-good-2', cart(2)) },
        { key: cart(3), value: cartUpdatedValue('evt-good-3', cart(3)) },
      ],
    });
    const dead = await collectRecords(kafka, dlq);
    collectors.push(dead.consumer);
    await startConsumer(group, [effectWritingHandler(topic)]);

    await waitFor(async () => (await effectsFor(`cart-${run}-`)).length === 3 && dead.records.length === malformed.length, {
      description: 'three effects and every malformed record dead-lettered',
    });
    expect((await effectsFor(`cart-${run}-`)).map((e) => e.event_id)).toEqual(['evt-good-1', 'evt-good-2', 'evt-good-3']);
    const letters = [...dead.records].sort((a, b) => Number(header(a, DLQ_HEADERS.offset)) - Number(header(b, DLQ_HEADERS.offset)));
    expect(letters.map((r) => header(r, DLQ_HEADERS.reason))).toEqual(malformed.map((m) => m.reason));
    letters.forEach((record, i) => {
      expect(record.message.value).toEqual(malformed[i]?.value);
      expect(record.message.key?.toString()).toBe(`bad-${i}`);
      expect(header(record, DLQ_HEADERS.topic)).toBe(topic);
      expect(header(record, DLQ_HEADERS.partition)).toBe('0');
      expect(header(record, DLQ_HEADERS.offset)).toBe(String(i + 1));
      expect(header(record, 'content-type')).toBe('application/cloudevents+json');
      expect(header(record, DLQ_HEADERS.detail)).not.toBe('');
    });
    expect(header(letters[3]!, DLQ_HEADERS.detail)).toBe('data.currency is required');
    expect(header(letters[2]!, DLQ_HEADERS.eventId)).toBe('evt-unknown');
  });

  it('has one effect for a record delivered three times', async () => {
    const group = uniqueGroupId('messaging');
    const { topic } = await topicWithDeadLetters(group);
    const cartId = `cart-${uniqueSuffix()}`;
    const value = cartUpdatedValue(`evt-${cartId}`, cartId);
    const outcomes: RecordOutcome[] = [];
    await producer.send({ topic, messages: [1, 2, 3].map(() => ({ key: cartId, value })) });
    await startConsumer(group, [effectWritingHandler(topic)], outcomes);

    await waitFor(() => outcomes.length === 3, { description: 'three deliveries handled' });
    expect(outcomes.map((o) => o.kind)).toEqual(['processed', 'duplicate', 'duplicate']);
    expect(await effectsFor(cartId)).toEqual([{ event_id: `evt-${cartId}`, cart_id: cartId }]);
  });

  it('redelivers to the next consumer after a crash between the effect and the offset commit, with still one effect', async () => {
    const group = uniqueGroupId('messaging');
    const { topic } = await topicWithDeadLetters(group);
    const cartId = `cart-${uniqueSuffix()}`;
    await producer.send({ topic, messages: [{ key: cartId, value: cartUpdatedValue(`evt-${cartId}`, cartId) }] });

    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'fixtures/crash-after-effect.consumer.ts')], {
      cwd: workspaceRoot,
      env: { ...process.env, TEST_SCHEMA: schema, TEST_TOPIC: topic, TEST_GROUP: group, SWC_NODE_PROJECT: path.join(workspaceRoot, 'tsconfig.json') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    expect({ ...exit, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: expect.any(String) });
    expect(await effectsFor(cartId)).toHaveLength(1);

    const outcomes: RecordOutcome[] = [];
    await startConsumer(group, [effectWritingHandler(topic)], outcomes);
    await waitFor(() => outcomes.length === 1, { timeoutMs: 45_000, description: 'the redelivery' });
    expect(outcomes[0]).toMatchObject({ kind: 'duplicate', event: { id: `evt-${cartId}` } });
    expect(await effectsFor(cartId)).toHaveLength(1);
  });

  it('retries a failing handler with backoff without skipping the record, then dead-letters after the last attempt', async () => {
    const group = uniqueGroupId('messaging');
    const { topic, dlq } = await topicWithDeadLetters(group);
    const run = uniqueSuffix();
    const attempts = new Map<string, number>();
    const flaky = effectWritingHandler(topic, (eventId) => {
      const n = (attempts.get(eventId) ?? 0) + 1;
      attempts.set(eventId, n);
      if (eventId === `evt-${run}-flaky` && n < 3) throw new Error('transient failure');
      if (eventId === `evt-${run}-broken`) throw new Error('always fails');
    });
    await producer.send({
      topic,
      messages: ['flaky', 'broken', 'after'].map((name) => ({ key: name, value: cartUpdatedValue(`evt-${run}-${name}`, `cart-${run}-${name}`) })),
    });
    const dead = await collectRecords(kafka, dlq);
    collectors.push(dead.consumer);
    await startConsumer(group, [flaky]);

    await waitFor(async () => (await effectsFor(`cart-${run}-`)).length === 2 && dead.records.length === 1, { description: 'flaky retried, broken dead-lettered' });
    expect((await effectsFor(`cart-${run}-`)).map((e) => e.cart_id)).toEqual([`cart-${run}-flaky`, `cart-${run}-after`]);
    expect(attempts.get(`evt-${run}-flaky`)).toBe(3);
    expect(attempts.get(`evt-${run}-broken`)).toBe(3);
    expect(header(dead.records[0]!, DLQ_HEADERS.reason)).toBe('retries_exhausted');
    expect(header(dead.records[0]!, DLQ_HEADERS.detail)).toBe('always fails');
  });

  it('handles several partitions at once when asked, each partition still in order and once', async () => {
    const group = uniqueGroupId('messaging');
    const topic = await createTestTopic(admin, { prefix: 'cart-updated', partitions: 3 });
    await ensureTopics(admin, [{ topic: `${topic}.${group}.dlq`, numPartitions: 1 }]);
    const run = uniqueSuffix();
    const writeEffect = effectWritingHandler(topic);
    let inFlight = 0;
    let mostInFlight = 0;
    const slow: TestSubscription = {
      topic,
      handler: {
        eventType: 'cart.updated',
        async handle(event, context) {
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 50));
          inFlight -= 1;
          await writeEffect.handler.handle(event, context);
        },
      },
    };
    const partitions = [0, 1, 2];
    const perPartition = [0, 1, 2, 3];
    await producer.send({
      topic,
      messages: partitions.flatMap((partition) =>
        perPartition.map((i) => ({ partition, key: `key-${partition}`, value: cartUpdatedValue(`evt-${run}-${partition}-${i}`, `cart-${run}-${partition}-${i}`) })),
      ),
    });
    await startConsumer(group, [slow], [], undefined, 3);

    await waitFor(async () => (await effectsFor(`cart-${run}-`)).length === 12, { description: 'twelve effects' });
    const effects = await effectsFor(`cart-${run}-`);
    for (const partition of partitions) {
      expect(effects.filter((e) => e.cart_id.startsWith(`cart-${run}-${partition}-`)).map((e) => e.cart_id)).toEqual(perPartition.map((i) => `cart-${run}-${partition}-${i}`));
    }
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(12);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(3);
  });
});

function header(record: EachMessagePayload, name: string): string | undefined {
  return record.message.headers?.[name]?.toString();
}
