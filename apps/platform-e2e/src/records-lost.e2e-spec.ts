import { hashApiKey } from '@promo/platform';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { checkRecordsLost } from './checks/records-lost.check';
import { ingestionStats, serviceClients } from './cluster/service-clients';
import { LonePricing } from './support/lone-pricing';

// Issue 18: records deleted under a lagging consumer are never a quiet reset. A real pricing process
// consumes 20 records and stops; while it is away 30 more arrive and the log start is moved past 15 of
// them (what retention does to a consumer that lags behind it). The restarted process logs an error
// naming topic, partition, group and offsets, counts them in messaging_records_lost_total, reports them
// in /v1/ops/ingestion, and the contract replay's check fails naming them.
const READ_BEFORE = 20;
const ARRIVED_WHILE_AWAY = 30;
const DELETED_UP_TO = READ_BEFORE + 15;
const ADMIN_KEY = `lost-admin-${uniqueSuffix()}`;

describe('a consumer whose unread records are deleted', () => {
  let pricing: LonePricing;

  beforeAll(async () => {
    pricing = await LonePricing.create('lost', { KAFKA_TOPIC_PARTITIONS: '1', API_KEYS: `admin:${hashApiKey(ADMIN_KEY)}`, LOG_LEVEL: 'warn' });
  }, 120_000);

  afterAll(() => pricing.destroy(), 60_000);

  it('logs an error, counts the lost records in its metric and its ingestion report, and the replay check fails naming them', async () => {
    const { topic, group, admin } = pricing;
    const first = await pricing.start();
    await pricing.send(0, READ_BEFORE, 0);
    await waitFor(async () => (await pricing.processedCount()) === READ_BEFORE, { timeoutMs: 60_000, description: `${READ_BEFORE} records processed` });
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });

    await pricing.send(READ_BEFORE, READ_BEFORE + ARRIVED_WHILE_AWAY, 0);
    await admin.fetchTopicMetadata({ topics: [topic] }); // the topic was made by the service, after this admin connected
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: String(DELETED_UP_TO) }] });

    const second = await pricing.start();
    await waitFor(async () => (await pricing.processedCount()) === READ_BEFORE + (READ_BEFORE + ARRIVED_WHILE_AWAY - DELETED_UP_TO), { timeoutMs: 60_000, description: 'the records after the log start processed' });
    const lost = DELETED_UP_TO - READ_BEFORE;

    await waitFor(() => second.output().includes('were deleted before group'), { timeoutMs: 10_000, description: 'the error line' });
    const errorLine = second
      .output()
      .split('\n')
      .find((line) => line.includes('were deleted before group'));
    expect(JSON.parse(errorLine ?? '{}')).toMatchObject({
      level: 'error',
      msg: `${lost} records of ${topic}[0] were deleted before group ${group} read them (offsets ${READ_BEFORE} to ${DELETED_UP_TO - 1}): they are lost to it`,
      topic,
      partition: 0,
      group,
      records: lost,
    });
    const metrics = await (await fetch(`${second.baseUrl}/metrics`)).text();
    expect(metrics).toContain(`messaging_records_lost_total{topic="${topic}",partition="0",group="${group}"} ${lost}`);

    // Only pricing runs here: the check asks it alone.
    const clients = serviceClients(() => second.baseUrl, ADMIN_KEY);
    expect((await ingestionStats(clients, 'pricing')).lost).toEqual([{ topic, partition: 0, records: lost }]);
    expect(await checkRecordsLost(clients, ['pricing'])).toEqual({
      check: 'records lost (deleted before a consumer read them)',
      expected: 'none',
      got: `${group}: ${topic}[0] ${lost}`,
      ok: false,
    });
  }, 240_000);
});
