import { spawn } from 'node:child_process';
import path from 'node:path';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { type BatchEventHandler, DLQ_HEADERS, ensureTopics, EventConsumer, type EventConsumerOptions, type RecordOutcome } from '../src';
import { collectRecords, createTestTopic, uniqueGroupId } from '../src/testing';
import { batchEffectWritingHandler, cartUpdatedValue, quietLogger, type TestSubscription, useMessagingTestContext } from './fixtures/test-schema';

const workspaceRoot = path.resolve(__dirname, '../../..');

/**
 * #21: a handler that can take a batch gets a partition's valid records together, de-duplicated by one
 * multi-row processed-events insert, in one transaction, with the guarantees of one record at a time.
 */
describe('EventConsumer with a batch handler, against a real broker and Postgres', () => {
  const context = useMessagingTestContext('batch-consumer');
  const running: EventConsumer[] = [];
  const collectors: { disconnect(): Promise<void> }[] = [];

  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    await Promise.all(collectors.splice(0).map((c) => c.disconnect()));
  });

  async function topicWithDeadLetters(group: string): Promise<{ topic: string; dlq: string }> {
    const topic = await createTestTopic(context.admin, { prefix: 'batch' });
    const dlq = `${topic}.${group}.dlq`;
    await ensureTopics(context.admin, [{ topic: dlq, numPartitions: 1 }]);
    return { topic, dlq };
  }

  function startConsumer(group: string, subscription: TestSubscription, outcomes: RecordOutcome[], options: Partial<EventConsumerOptions> = {}): Promise<void> {
    const { kafka, producer, dataSource } = context;
    const consumer = new EventConsumer({
      kafka,
      producer,
      dataSource,
      groupId: group,
      subscriptions: [subscription],
      logger: quietLogger,
      now: () => new Date('2026-11-25T12:00:00Z'),
      retry: { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 50 },
      onOutcome: (outcome) => void outcomes.push(outcome),
      ...options,
    });
    running.push(consumer);
    return consumer.start();
  }

  async function effectsFor(cartPrefix: string): Promise<{ event_id: string; cart_id: string }[]> {
    return context.dataSource.query(`SELECT event_id, cart_id FROM effects WHERE cart_id LIKE $1 ORDER BY id`, [`${cartPrefix}%`]);
  }

  const record = (run: string, name: string, eventName = name) => ({ key: name, value: cartUpdatedValue(`evt-${run}-${eventName}`, `cart-${run}-${name}`) });

  it('applies new events in one transaction and counts a repeated id as a duplicate, also within the batch and on redelivery', async () => {
    const group = uniqueGroupId('batch');
    const { topic } = await topicWithDeadLetters(group);
    const run = uniqueSuffix();
    // `a` twice in the batch: the second copy (same id, another cart) must change nothing.
    await context.producer.send({ topic, messages: [record(run, 'a'), record(run, 'b'), record(run, 'a2', 'a'), record(run, 'c')] });
    const batches: string[][] = [];
    const outcomes: RecordOutcome[] = [];
    await startConsumer(group, batchEffectWritingHandler(topic, batches), outcomes);

    await waitFor(() => outcomes.length === 4, { description: 'four records handled' });
    expect(outcomes.map((o) => o.kind)).toEqual(['processed', 'processed', 'duplicate', 'processed']);
    expect(batches).toEqual([[`evt-${run}-a`, `evt-${run}-b`, `evt-${run}-c`]]);
    expect((await effectsFor(`cart-${run}-`)).map((e) => e.cart_id)).toEqual([`cart-${run}-a`, `cart-${run}-b`, `cart-${run}-c`]);
    const rows: { event_id: string; offset: string }[] = await context.dataSource.query(`SELECT event_id, "offset" FROM processed_events WHERE consumer_group = $1 ORDER BY "offset"`, [group]);
    expect(rows).toEqual([
      { event_id: `evt-${run}-a`, offset: '0' },
      { event_id: `evt-${run}-b`, offset: '1' },
      { event_id: `evt-${run}-c`, offset: '3' },
    ]);

    // The same records again (what a crash before the offset commit leaves): nothing new, no batch call.
    await Promise.all(running.splice(0).map((c) => c.stop()));
    await context.admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '0' }] });
    const again: RecordOutcome[] = [];
    await startConsumer(group, batchEffectWritingHandler(topic, batches), again);
    await waitFor(() => again.length === 4, { description: 'four records handled again' });
    expect(again.map((o) => o.kind)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(batches).toHaveLength(1);
    expect(await effectsFor(`cart-${run}-`)).toHaveLength(3);
  });

  it('dead-letters a malformed record in the middle of a batch with its reason and applies the records on both sides of it in order', async () => {
    const group = uniqueGroupId('batch');
    const { topic, dlq } = await topicWithDeadLetters(group);
    const run = uniqueSuffix();
    const malformed = Buffer.from(cartUpdatedValue(`evt-${run}-bad`, `cart-${run}-bad`, { data: { currency: undefined } }));
    await context.producer.send({ topic, messages: [record(run, '1'), record(run, '2'), { key: 'bad', value: malformed }, record(run, '3'), record(run, '4')] });
    const dead = await collectRecords(context.kafka, dlq);
    collectors.push(dead.consumer);
    const batches: string[][] = [];
    const outcomes: RecordOutcome[] = [];
    await startConsumer(group, batchEffectWritingHandler(topic, batches), outcomes);

    await waitFor(() => outcomes.length === 5 && dead.records.length === 1, { description: 'five records handled, one dead-lettered' });
    expect(outcomes.map((o) => o.kind)).toEqual(['processed', 'processed', 'dead-lettered', 'processed', 'processed']);
    expect(batches).toEqual([
      [`evt-${run}-1`, `evt-${run}-2`],
      [`evt-${run}-3`, `evt-${run}-4`],
    ]);
    expect((await effectsFor(`cart-${run}-`)).map((e) => e.cart_id)).toEqual(['1', '2', '3', '4'].map((n) => `cart-${run}-${n}`));
    const letter = dead.records[0]?.message;
    expect(letter?.value).toEqual(malformed);
    expect(letter?.headers?.[DLQ_HEADERS.reason]?.toString()).toBe('missing_field');
    expect(letter?.headers?.[DLQ_HEADERS.offset]?.toString()).toBe('2');
    // The malformed record's id was never marked processed (validation comes before de-duplication).
    const marked: unknown[] = await context.dataSource.query(`SELECT 1 FROM processed_events WHERE consumer_group = $1 AND event_id = $2`, [group, `evt-${run}-bad`]);
    expect(marked).toEqual([]);
  });

  it('falls back to one record at a time when the batch fails: the failing record is retried then dead-lettered, the others applied once', async () => {
    const group = uniqueGroupId('batch');
    const { topic, dlq } = await topicWithDeadLetters(group);
    const run = uniqueSuffix();
    const attempts = new Map<string, number>();
    const failing = (eventId: string): void => {
      attempts.set(eventId, (attempts.get(eventId) ?? 0) + 1);
      if (eventId === `evt-${run}-broken`) throw new Error('always fails');
    };
    await context.producer.send({ topic, messages: ['before', 'broken', 'after'].map((name) => record(run, name)) });
    const dead = await collectRecords(context.kafka, dlq);
    collectors.push(dead.consumer);
    const batches: string[][] = [];
    const outcomes: RecordOutcome[] = [];
    await startConsumer(group, batchEffectWritingHandler(topic, batches, failing), outcomes);

    await waitFor(() => outcomes.length === 3 && dead.records.length === 1, { description: 'three records handled, the broken one dead-lettered' });
    expect(outcomes.map((o) => o.kind)).toEqual(['processed', 'dead-lettered', 'processed']);
    expect((await effectsFor(`cart-${run}-`)).map((e) => e.cart_id)).toEqual([`cart-${run}-before`, `cart-${run}-after`]);
    // The failed batch stopped at the broken record; then one at a time: 3 attempts for it, 1 for each other.
    expect(batches).toEqual([['before', 'broken', 'after'].map((name) => `evt-${run}-${name}`)]);
    expect(Object.fromEntries(attempts)).toEqual({ [`evt-${run}-before`]: 2, [`evt-${run}-broken`]: 4, [`evt-${run}-after`]: 1 });
    expect(dead.records[0]?.message.headers?.[DLQ_HEADERS.reason]?.toString()).toBe('retries_exhausted');
  });

  it('redelivers a whole batch after a crash between its commit and the offset commit, with still one effect each', async () => {
    const group = uniqueGroupId('batch');
    const { topic } = await topicWithDeadLetters(group);
    const run = uniqueSuffix();
    const names = ['1', '2', '3', '4', '5'];
    await context.producer.send({ topic, messages: names.map((name) => record(run, name)) });

    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'fixtures/crash-after-effect.consumer.ts')], {
      cwd: workspaceRoot,
      env: { ...process.env, TEST_SCHEMA: context.dataSource.driver.schema ?? '', TEST_TOPIC: topic, TEST_GROUP: group, TEST_BATCH: '1', SWC_NODE_PROJECT: path.join(workspaceRoot, 'tsconfig.json') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    expect({ ...exit, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: expect.any(String) });
    expect(await effectsFor(`cart-${run}-`)).toHaveLength(names.length);

    const outcomes: RecordOutcome[] = [];
    await startConsumer(group, batchEffectWritingHandler(topic), outcomes);
    await waitFor(() => outcomes.length === names.length, { timeoutMs: 45_000, description: 'the redelivery' });
    expect(outcomes.map((o) => o.kind)).toEqual(names.map(() => 'duplicate'));
    expect((await effectsFor(`cart-${run}-`)).map((e) => e.cart_id)).toEqual(names.map((name) => `cart-${run}-${name}`));
  });

  it('keeps its partition through a batch longer than the session timeout (it heartbeats meanwhile)', async () => {
    const group = uniqueGroupId('batch');
    const { topic } = await topicWithDeadLetters(group);
    const run = uniqueSuffix();
    await context.producer.send({ topic, messages: ['1', '2'].map((name) => record(run, name)) });
    const slow = batchEffectWritingHandler(topic);
    const batches: number[] = [];
    const outcomes: RecordOutcome[] = [];
    const slower: TestSubscription<BatchEventHandler> = {
      topic,
      handler: {
        ...slow.handler,
        async handleBatch(events, batchContext) {
          batches.push(events.length);
          await new Promise((resolve) => setTimeout(resolve, 9_000));
          await slow.handler.handleBatch(events, batchContext);
        },
      },
    };
    await startConsumer(group, slower, outcomes, { sessionTimeoutMs: 6_000 });

    await waitFor(() => outcomes.length === 2, { timeoutMs: 30_000, description: 'the slow batch' });
    // Thrown out of the group, its offset commit would fail and the records come back (a second batch call, duplicates).
    await context.producer.send({ topic, messages: [record(run, '3')] });
    await waitFor(() => outcomes.length === 3, { timeoutMs: 30_000, description: 'the next record' });
    expect(outcomes.map((o) => o.kind)).toEqual(['processed', 'processed', 'processed']);
    expect(batches).toEqual([2, 1]);
  }, 60_000);
});
