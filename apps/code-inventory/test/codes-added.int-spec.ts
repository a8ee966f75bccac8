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

/**
 * #7: bulk generation and upload announce their codes on `code-inventory.codes-added` (v2): one event per
 * committed batch, carrying the batch's code id range; the subscriber reads the codes with
 * `GET /v1/groups/{groupId}/codes?fromId&toId`, paged.
 */
describe('code-inventory.codes-added', () => {
  let inventory: InventoryApp;
  let records: EachMessagePayload[];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    // Small batches, so a 2,500-code job is announced in several events.
    inventory = await startInventoryApp({ GENERATION_BATCH_SIZE: '1000' });
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

  /** What a subscriber does: reads an event's codes page by page through the API. */
  const readCodes = async (event: Published, limit: number): Promise<string[]> => {
    const codes: string[] = [];
    let fromId: string | null = event.data.firstCodeId;
    while (fromId !== null) {
      const response = await inventory.admin('GET', `/v1/groups/${event.data.groupId}/codes?fromId=${fromId}&toId=${event.data.lastCodeId}&limit=${limit}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { codes: { id: string; code: string; state: string }[]; nextFromId: string | null };
      expect(page.codes.length).toBeLessThanOrEqual(limit);
      codes.push(...page.codes.map((code) => code.code));
      fromId = page.nextFromId;
    }
    return codes;
  };

  it('publishes a generated job as one event per batch, whose id ranges read back exactly the codes stored', async () => {
    const { groupId, promotionId } = await aGroupWithCodes(inventory, 0);
    // The job's ids cross a change in digit count (…9999 → 10…0), where text order and id order part.
    await inventory.sql.query(`SELECT setval('codes_id_seq', (10::numeric ^ (floor(log(last_value + 1200)) + 1))::bigint - 1200) FROM codes_id_seq`);
    const started = await inventory.admin('POST', `/v1/groups/${groupId}/generate`, { count: 2_500, pattern: '????-????', prefix: `A${uniqueSuffix().toUpperCase()}-` });
    expect(started.status).toBe(202);
    const job = (await started.json()) as { id: string };

    const events = await waitFor(
      () => {
        const found = ofGroup(groupId);
        return found.reduce((sum, event) => sum + event.data.count, 0) >= 2_500 ? found : null;
      },
      { timeoutMs: 150_000, description: 'the generated codes to be published' },
    );
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(['code-inventory.codes-added']));
    // Batches of 1,000 (a collision, improbable in this space, would only add a batch).
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.reduce((sum, event) => sum + event.data.count, 0)).toBe(2_500);
    for (const event of events) {
      expect(event.data).toMatchObject({ promotionId, groupId, origin: 'generation', jobId: job.id });
      expect(event.data.count).toBeLessThanOrEqual(1_000);
      expect(BigInt(event.data.firstCodeId)).toBeLessThanOrEqual(BigInt(event.data.lastCodeId));
    }
    const announced: string[] = [];
    for (const event of events) {
      const codes = await readCodes(event, 300);
      expect(codes).toHaveLength(event.data.count);
      announced.push(...codes);
    }
    const { rows } = await inventory.sql.query<{ code: string }>(`SELECT code FROM codes WHERE group_id = $1`, [groupId]);
    expect(rows).toHaveLength(2_500);
    expect(announced.sort()).toEqual(rows.map((row) => row.code).sort());
  }, 180_000);

  it('publishes an upload as one event whose range reads back its codes in line order, and nothing for an upload refused whole', async () => {
    const { groupId, promotionId } = await aGroupWithCodes(inventory, 0);
    const suffix = uniqueSuffix().toUpperCase();
    const codes = [`UP${suffix}-B`, `UP${suffix}-A`, `UP${suffix}-C`];
    expect((await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes: [`UP${suffix}-X`, 'bad code!'] })).status).toBe(400);
    expect((await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes })).status).toBe(200);

    const events = await waitFor(() => (ofGroup(groupId).length > 0 ? ofGroup(groupId) : null), { timeoutMs: 150_000, description: 'the uploaded codes to be published' });
    expect(events.map((event) => event.data)).toEqual([
      { promotionId, groupId, origin: 'upload', count: 3, firstCodeId: expect.any(String) as unknown as string, lastCodeId: expect.any(String) as unknown as string, addedAt: expect.any(String) as unknown as string },
    ]);
    const [event] = events;
    if (event === undefined) throw new Error('no event');
    expect(await readCodes(event, 2)).toEqual(codes);
    // The refused upload's code was never stored, so never announced.
    const { rows } = await inventory.sql.query(`SELECT 1 FROM codes WHERE code = $1`, [`UP${suffix}-X`]);
    expect(rows).toHaveLength(0);
  }, 180_000);

  it('refuses a malformed range naming the field, an unknown group, and the storefront key', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const bad = await inventory.admin('GET', `/v1/groups/${groupId}/codes?fromId=abc&toId=10`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('fromId');
    const tooMany = await inventory.admin('GET', `/v1/groups/${groupId}/codes?fromId=1&toId=10&limit=10001`);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toContain('limit');
    expect((await inventory.admin('GET', `/v1/groups/NO-SUCH-${uniqueSuffix()}/codes?fromId=1&toId=10`)).status).toBe(404);
    expect((await inventory.storefront('GET', `/v1/groups/${groupId}/codes?fromId=1&toId=10`)).status).toBe(403);
  });
});
