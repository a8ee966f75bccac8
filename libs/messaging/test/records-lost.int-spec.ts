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
      subscriptions: [effectWritingHandler(topic)],
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

  interface AwayRun {
    readonly topic: string;
    readonly group: string;
    readonly run: string;
    readonly lost: readonly RecordsLost[];
    readonly errors: readonly unknown[][];
    readonly registry: Registry;
  }

  /**
   * A group consumes the topic's first 10 records and stops; while it is away, `arrive` more records
   * come and the topic's records before `deleteBefore` are deleted; then the group comes back and
   * consumes until it has seen `expectConsumed` records in all.
   */
  async function awayWhileDeleted(prefix: string, arrive: number, deleteBefore: number, expectConsumed: number): Promise<AwayRun> {
    const topic = await createTestTopic(context.admin, { prefix });
    const group = uniqueGroupId(prefix);
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

    await send(topic, run, 10, 10 + arrive);
    await context.admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: String(deleteBefore) }] });

    const second = consumerOf(group, topic, outcomes, lost, errors, metrics);
    await second.start();
    try {
      await waitFor(() => outcomes.length === expectConsumed, { description: `${expectConsumed} records consumed in all` });
    } finally {
      await second.stop();
    }
    return { topic, group, run, lost, errors, registry };
  }

  it('logs, counts and records the records deleted under a lagging group, then goes on from the log start', async () => {
    // 20 records arrive while the group is away and the first 15 are deleted: offsets 10..14 were never read.
    const { topic, group, run, lost, errors, registry } = await awayWhileDeleted('lost', 20, 15, 25);

    expect(lost).toEqual([{ group, topic, partition: 0, fromOffset: '10', toOffset: '15', records: 5 }]);
    expect(errors.map(([, message]) => message)).toEqual([`5 records of ${topic}[0] were deleted before group ${group} read them (offsets 10 to 14): they are lost to it`]);
    expect(await registry.metrics()).toContain(`messaging_records_lost_total{topic="${topic}",partition="0",group="${group}"} 5`);
    const rows: { next_offset: string; lost_records: string }[] = await context.dataSource.query(`SELECT next_offset, lost_records FROM consumer_positions WHERE consumer_group = $1`, [group]);
    expect(rows).toEqual([{ next_offset: '30', lost_records: '5' }]);
    const effects: { n: number }[] = await context.dataSource.query(`SELECT count(*)::int AS n FROM effects WHERE cart_id LIKE $1`, [`cart-${run}-%`]);
    expect(effects[0]?.n).toBe(25);
  });

  it('counts nothing when a group resumes where it stopped', async () => {
    // Only records the group has read (offsets 0..9) are deleted: nothing is lost to it.
    const { lost, errors } = await awayWhileDeleted('not-lost', 10, 10, 20);
    expect(lost).toEqual([]);
    expect(errors).toEqual([]);
  });
});
