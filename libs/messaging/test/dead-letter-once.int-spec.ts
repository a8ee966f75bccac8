import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { DLQ_HEADERS, ensureTopics, EventConsumer, type RecordOutcome } from '../src';
import { collectRecords, createTestTopic, uniqueGroupId } from '../src/testing';
import { cartUpdatedValue, effectWritingHandler, quietLogger, useMessagingTestContext } from './fixtures/test-schema';

/**
 * Issue 18: a replica SIGKILLed after dead-lettering records but before committing their offsets makes
 * the group read them again (another replica, or the restarted one). Each position is dead-lettered once.
 */
describe('EventConsumer dead-lettering records delivered again', () => {
  const context = useMessagingTestContext('dead-letter-once');

  async function consumeAll(group: string, topic: string, expected: number): Promise<RecordOutcome[]> {
    const outcomes: RecordOutcome[] = [];
    const { kafka, producer, dataSource } = context;
    const consumer = new EventConsumer({ kafka, producer, dataSource, groupId: group, subscriptions: [effectWritingHandler(topic)], logger: quietLogger, now: () => new Date('2026-11-25T12:00:00Z'), onOutcome: (o) => void outcomes.push(o) });
    await consumer.start();
    try {
      await waitFor(() => outcomes.length >= expected, { description: `${expected} records handled` });
    } finally {
      await consumer.stop();
    }
    return outcomes;
  }

  it('sends each malformed position to the dead-letter topic once, and counts the redelivery as nothing new', async () => {
    const { kafka, admin, producer } = context;
    const topic = await createTestTopic(admin, { prefix: 'dlq-once' });
    const group = uniqueGroupId('dlq-once');
    const dlq = `${topic}.${group}.dlq`;
    await ensureTopics(admin, [{ topic: dlq, numPartitions: 1 }]);
    const run = uniqueSuffix();
    await producer.send({
      topic,
      messages: [
        { key: 'a', value: cartUpdatedValue(`evt-${run}-1`, `cart-${run}-1`) },
        { key: 'b', value: '{"truncated' },
        { key: 'c', value: cartUpdatedValue(`evt-${run}-3`, `cart-${run}-3`, { envelope: { type: 'cart.exploded' } }) },
        { key: 'd', value: cartUpdatedValue(`evt-${run}-4`, `cart-${run}-4`) },
      ],
    });
    const first = await consumeAll(group, topic, 4);
    expect(first.map((o) => o.kind)).toEqual(['processed', 'dead-lettered', 'dead-lettered', 'processed']);

    // What a crash before the offset commit leaves: the group reads the same records again.
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '0' }] });
    const again = await consumeAll(group, topic, 2);
    expect(again.map((o) => o.kind)).toEqual(['duplicate', 'duplicate']);

    const letters = await collectRecords(kafka, dlq);
    try {
      await waitFor(() => letters.records.length >= 2, { description: 'the dead letters' });
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // a second copy would have arrived by now
    } finally {
      await letters.consumer.disconnect();
    }
    expect(letters.records.map((r) => r.message.headers?.[DLQ_HEADERS.offset]?.toString()).sort()).toEqual(['1', '2']);
  });
});
