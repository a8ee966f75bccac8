import type { CodesAddedData } from '@promo/contracts';
import { uniqueGroupId } from '@promo/messaging/testing';
import { testInfra, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { type EachMessagePayload, Kafka } from 'kafkajs';
import { aGroupWithCodes } from './builders/code-group.builder';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

interface Published {
  readonly key: string;
  readonly type: string;
  readonly data: CodesAddedData;
}

/** #7: bulk generation and upload announce their codes on `code-inventory.codes-added`, a chunk of at most 500 codes per event. */
describe('code-inventory.codes-added', () => {
  let inventory: InventoryApp;
  let records: EachMessagePayload[];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    inventory = await startInventoryApp();
    const kafka = new Kafka({ clientId: 'codes-added-test', brokers: [...testInfra().kafkaBrokers], logLevel: 1 });
    // From the topic's end, not its beginning: the topic keeps every earlier run's events.
    const consumer = kafka.consumer({ groupId: uniqueGroupId('codes-added') });
    records = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'code-inventory.codes-added', fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ eachMessage: async (payload) => void records.push(payload) });
    await joined;
    stop = () => consumer.disconnect();
  });

  afterAll(async () => {
    await stop();
    await inventory.close();
  });

  // The topic is shared with the other suites of the run: each test reads its own group's events.
  const published = (): Published[] =>
    records.map((record) => ({ key: record.message.key?.toString() ?? '', ...(JSON.parse(record.message.value?.toString() ?? '{}') as Omit<Published, 'key'>) }));
  const ofGroup = (groupId: string): Published[] => published().filter((event) => event.key === groupId);

  it('publishes a generated job as chunks of at most 500 codes that add up to exactly the codes stored', async () => {
    const { groupId, promotionId } = await aGroupWithCodes(inventory, 0);
    const started = await inventory.admin('POST', `/v1/groups/${groupId}/generate`, { count: 2_500, pattern: '????-????', prefix: `A${uniqueSuffix().toUpperCase()}-` });
    expect(started.status).toBe(202);
    const job = (await started.json()) as { id: string };

    const events = await waitFor(
      () => {
        const found = ofGroup(groupId);
        return found.reduce((sum, event) => sum + event.data.count, 0) >= 2_500 ? found : null;
      },
      // The relay publishes the schema's outbox in id order: in the full suite this job's events queue
      // behind the million-code generation's 2,000 events.
      { timeoutMs: 150_000, description: 'the generated codes to be published' },
    );
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(['code-inventory.codes-added']));
    expect(events.map((event) => event.data.count)).toEqual([500, 500, 500, 500, 500]);
    for (const event of events) {
      expect(event.data).toMatchObject({ promotionId, groupId, origin: 'generation', jobId: job.id });
      expect(event.data.codes).toHaveLength(event.data.count);
    }
    const { rows } = await inventory.sql.query<{ code: string }>(`SELECT code FROM codes WHERE group_id = $1`, [groupId]);
    expect(events.flatMap((event) => event.data.codes).sort()).toEqual(rows.map((row) => row.code).sort());
  }, 180_000);

  it('publishes an upload in line order, and nothing for an upload refused whole', async () => {
    const { groupId, promotionId } = await aGroupWithCodes(inventory, 0);
    const suffix = uniqueSuffix().toUpperCase();
    const codes = [`UP${suffix}-B`, `UP${suffix}-A`, `UP${suffix}-C`];
    expect((await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes: [`UP${suffix}-X`, 'bad code!'] })).status).toBe(400);
    expect((await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes })).status).toBe(200);

    const events = await waitFor(() => (ofGroup(groupId).length > 0 ? ofGroup(groupId) : null), { timeoutMs: 150_000, description: 'the uploaded codes to be published' });
    expect(events.map((event) => event.data)).toEqual([{ promotionId, groupId, origin: 'upload', count: 3, codes, addedAt: expect.any(String) as unknown as string }]);
    // The refused upload's code was never stored, so never announced.
    expect(published().some((event) => event.data.codes.includes(`UP${suffix}-X`))).toBe(false);
  }, 180_000);
});
