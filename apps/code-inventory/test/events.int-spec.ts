import { randomUUID } from 'node:crypto';
import { type OutboundEventData, type OutboundEventType, outboundDataschema } from '@promo/contracts';
import { ManualClock } from '@promo/platform';
import { testInfra, waitFor } from '@promo/platform/testing';
import { Kafka, type Producer } from 'kafkajs';
import { aGroupWithCodes } from './builders/code-group.builder';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

describe('events consumed and published (C9, redemptions, outbox)', () => {
  const clock = new ManualClock('2026-06-15T12:00:00Z');
  let inventory: InventoryApp;
  let producer: Producer;

  beforeAll(async () => {
    inventory = await startInventoryApp({}, clock);
    producer = new Kafka({ clientId: 'code-inventory-test', brokers: [...testInfra().kafkaBrokers], logLevel: 1 }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await inventory.close();
  });

  const publish = async <TType extends OutboundEventType>(type: TType, key: string, data: OutboundEventData[TType]): Promise<void> => {
    const event = { specversion: '1.0', id: randomUUID(), source: 'promotions/test', type, time: clock.now().toISOString(), datacontenttype: 'application/json', dataschema: outboundDataschema(type, 1), data };
    await producer.send({ topic: `${inventory.config.KAFKA_TOPIC_PREFIX}${type}`, messages: [{ key, value: JSON.stringify(event) }] });
  };
  const lookup = async (code: string): Promise<{ state: string }> => (await (await inventory.storefront('GET', `/v1/codes/${code}`)).json()) as { state: string };
  const promotionChanged = (promotionId: string, version: number, end: string): OutboundEventData['pricing.promotion-changed'] => ({
    promotionId,
    change: version === 1 ? 'created' : 'updated',
    version,
    changedAt: clock.now().toISOString(),
    promotion: { id: promotionId, kind: 'coupon', enabled: true, schedule: { start: '2026-06-01T00:00:00Z', end } },
  });

  it('disables codes when their promotion ends and brings them back, unchanged, when the end is extended (C9)', async () => {
    const { groupId, promotionId, codes } = await aGroupWithCodes(inventory, 2);
    const code = codes[0] ?? '';
    await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-c9', mode: 'first' });

    await publish('pricing.promotion-changed', promotionId, promotionChanged(promotionId, 1, '2026-06-10T00:00:00Z'));
    await waitFor(async () => (await lookup(code)).state === 'disabled', { description: 'the ended promotion to disable its code' });

    await publish('pricing.promotion-changed', promotionId, promotionChanged(promotionId, 2, '2026-07-01T00:00:00Z'));
    await waitFor(async () => (await lookup(code)).state === 'issued', { description: 'the extended promotion to bring its code back' });
    expect((await lookup(codes[1] ?? '')).state).toBe('available');

    // An older version arriving late changes nothing.
    await publish('pricing.promotion-changed', promotionId, promotionChanged(promotionId, 1, '2026-06-10T00:00:00Z'));
    await waitFor(async () => (await inventory.sql.query(`SELECT 1 FROM processed_events WHERE topic = $1`, [`${inventory.config.KAFKA_TOPIC_PREFIX}pricing.promotion-changed`])).rowCount === 3);
    const { rows } = await inventory.sql.query<{ version: number }>(`SELECT version FROM promotions WHERE promotion_id = $1`, [promotionId]);
    expect(rows[0]?.version).toBe(2);
    expect((await lookup(code)).state).toBe('issued');
  });

  it('marks a code redeemed when its use is recorded and issued again when reversed, and publishes each change', async () => {
    const { groupId, promotionId, codes } = await aGroupWithCodes(inventory, 2);
    const issued = (await (await inventory.admin('POST', `/v1/groups/${groupId}/issue`, { customerId: 'cu-red', mode: 'first' })).json()) as { code: string };
    const use = { orderId: `o-${groupId}`, promotionId, code: issued.code.toLowerCase(), customerId: 'cu-red', units: 1 };
    await publish('redemption.recorded', promotionId, { ...use, discountAmount: 500, currency: 'EUR', orderTotal: 5000, recordedAt: clock.now().toISOString() });
    await waitFor(async () => (await lookup(issued.code)).state === 'redeemed', { description: 'the code to be redeemed' });
    expect(await (await inventory.admin('GET', `/v1/groups/${groupId}`)).json()).toMatchObject({ total: 2, available: 1, issued: 0, redeemed: 1 });

    await publish('redemption.reversed', promotionId, { ...use, reversedAt: clock.now().toISOString() });
    await waitFor(async () => (await lookup(issued.code)).state === 'issued', { description: 'the reversal to give the code back' });
    expect(await (await inventory.admin('GET', `/v1/groups/${groupId}`)).json()).toMatchObject({ available: 1, issued: 1, redeemed: 0 });
    expect(codes).toContain(issued.code);

    const { rows } = await inventory.sql.query<{ state: string }>(
      `SELECT value::jsonb -> 'data' ->> 'state' AS state FROM outbox_messages WHERE topic = 'code-inventory.code-changed' AND key = $1 ORDER BY id`,
      [issued.code.toLowerCase()],
    );
    expect(rows.map((row) => row.state)).toEqual(['issued', 'redeemed', 'issued']);
  });
});
