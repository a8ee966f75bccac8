import { Registry } from 'prom-client';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { EventConsumer, MessagingMetrics, type RecordOutcome, type RecordsLost } from '../src';
import { createTestTopic, uniqueGroupId } from '../src/testing';
import { cartUpdatedValue, effectWritingHandler, quietLogger, useMessagingTestContext } from './fixtures/test-schema';

/**
 * Issue 18: a consumer that falls behind the log start (records deleted before it read them) says so:
 * an error line, `messaging_records_lost_total`, and the group's `consumer_positions` row. Never a
 * quiet reset, although kafkajs itself commits the log start on the out-of-range fetch.
 */
describe('EventConsumer when records are deleted before it reads them', () => {
  const context = useMessagingTestContext('records-lost');

  function consumerOf(group: string, topic: string, outcomes: RecordOutcome[], lost: RecordsLost[], errors: unknown[][], metrics: MessagingMetrics): EventConsumer {
    const logger = Object.assign(Object.create(quietLogger) as typeof quietLogger, { error: (...args: unknown[]) => void errors.push(args) });
    const { kafka, producer, dataSource } = context;
    return new EventConsumer({
      kafka,
      producer,
      dataSource,
      groupId: group,
      handlers: [effectWritingHandler(topic)],
      logger,
      now: () => new Date('2026-11-25T12:00:00Z'),
      onOutcome: (outcome) => void outcomes.push(outcome),
      onRecordsLost: (l) => {
        lost.push(l);
        metrics.observeRecordsLost(l);
      },
    });
  }

  async function send(topic: string, run: string, from: number, to: number): Promise<void> {
    const messages = [];
    for (let n = from; n < to; n += 1) messages.push({ key: `cart-${run}-${n}`, value: cartUpdatedValue(`evt-${run}-${n}`, `cart-${run}-${n}`) });
    await context.producer.send({ topic, messages });
  }

  it('logs, counts and records the records deleted under a lagging group, then goes on from the log start', async () => {
    const topic = await createTestTopic(context.admin, { prefix: 'lost' });
    const group = uniqueGroupId('lost');
    const run = uniqueSuffix();
    const outcomes: RecordOutcome[] = [];
    const lost: RecordsLost[] = [];
    const errors: unknown[][] = [];
    const registry = new Registry();
    const metrics = new MessagingMetrics(registry, group);

    await send(topic, run, 0, 10);
    const first = consumerOf(group, topic, outcomes, lost, errors, metrics);
    await first.start();
    await waitFor(() => outcomes.length === 10, { description: 'the first 10 records consumed' });
    await first.stop();

    // While the group is away (lagging), 20 more records arrive and the first 15 of the topic are deleted:
    // offsets 10..14 were never read by the group.
    await send(topic, run, 10, 30);
    await context.admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '15' }] });

    const second = consumerOf(group, topic, outcomes, lost, errors, metrics);
    await second.start();
    try {
      await waitFor(() => outcomes.length === 25, { description: 'the 15 records after the log start consumed' });
    } finally {
      await second.stop();
    }

    expect(lost).toEqual([{ group, topic, partition: 0, fromOffset: '10', toOffset: '15', records: 5 }]);
    expect(errors.map(([, message]) => message)).toEqual([`5 records of ${topic}[0] were deleted before group ${group} read them (offsets 10 to 14): they are lost to it`]);
    expect(await registry.metrics()).toContain(`messaging_records_lost_total{topic="${topic}",partition="0",group="${group}"} 5`);
    const rows: { next_offset: string; lost_records: string }[] = await context.dataSource.query(`SELECT next_offset, lost_records FROM consumer_positions WHERE consumer_group = $1`, [group]);
    expect(rows).toEqual([{ next_offset: '30', lost_records: '5' }]);
    const effects: { n: number }[] = await context.dataSource.query(`SELECT count(*)::int AS n FROM effects WHERE cart_id LIKE $1`, [`cart-${run}-%`]);
    expect(effects[0]?.n).toBe(25);
  });

  it('counts nothing when a group resumes where it stopped', async () => {
    const topic = await createTestTopic(context.admin, { prefix: 'not-lost' });
    const group = uniqueGroupId('not-lost');
    const run = uniqueSuffix();
    const outcomes: RecordOutcome[] = [];
    const lost: RecordsLost[] = [];
    const errors: unknown[][] = [];
    const metrics = new MessagingMetrics(new Registry(), group);

    await send(topic, run, 0, 10);
    const first = consumerOf(group, topic, outcomes, lost, errors, metrics);
    await first.start();
    await waitFor(() => outcomes.length === 10, { description: 'the first 10 records consumed' });
    await first.stop();
    // Records the group has read are deleted: nothing is lost to it.
    await send(topic, run, 10, 20);
    await context.admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '10' }] });
    const second = consumerOf(group, topic, outcomes, lost, errors, metrics);
    await second.start();
    try {
      await waitFor(() => outcomes.length === 20, { description: 'the next 10 records consumed' });
    } finally {
      await second.stop();
    }
    expect(lost).toEqual([]);
    expect(errors).toEqual([]);
  });
});
