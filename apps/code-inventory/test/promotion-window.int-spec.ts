import { randomUUID } from 'node:crypto';
import { type OutboundEventData, outboundDataschema } from '@promo/contracts';
import { ManualClock } from '@promo/platform';
import { testInfra, waitFor } from '@promo/platform/testing';
import { Kafka, type Producer } from 'kafkajs';
import { aGroupWithCodes } from './builders/code-group.builder';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

/**
 * #19.3: a promotion whose schedule names no zone runs in the store's zone, which only pricing knows. Pricing
 * publishes the instants it resolved; code-inventory must use them, not read the wall times as UTC.
 */
describe('the validity window of a promotion in a store that is not on UTC (C9, P5)', () => {
  const clock = new ManualClock('2026-05-31T12:00:00Z');
  let inventory: InventoryApp;
  let producer: Producer;

  beforeAll(async () => {
    inventory = await startInventoryApp({}, clock);
    producer = new Kafka({ clientId: 'code-inventory-window-test', brokers: [...testInfra().kafkaBrokers], logLevel: 1 }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await inventory.close();
  });

  const lookup = async (code: string): Promise<string> => ((await (await inventory.storefront('GET', `/v1/codes/${code}`)).json()) as { state: string }).state;

  it('opens and closes the codes at the store-zone instants pricing published, not at the wall times read as UTC', async () => {
    const { promotionId, codes } = await aGroupWithCodes(inventory, 1);
    const code = codes[0] ?? '';
    // A New York store (EDT, UTC-4 in June): 2026-06-01T00:00 is 04:00Z, 2026-07-01T00:00 is 2026-07-01T04:00Z.
    const data: OutboundEventData['pricing.promotion-changed'] = {
      promotionId,
      change: 'created',
      version: 1,
      changedAt: clock.now().toISOString(),
      promotion: { id: promotionId, kind: 'coupon', enabled: true, codes: [], schedule: { start: '2026-06-01T00:00:00', end: '2026-07-01T00:00:00' } },
      startsAt: '2026-06-01T04:00:00.000Z',
      endsAt: '2026-07-01T04:00:00.000Z',
    };
    const event = { specversion: '1.0', id: randomUUID(), source: 'promotions/test', type: 'pricing.promotion-changed', time: clock.now().toISOString(), datacontenttype: 'application/json', dataschema: outboundDataschema('pricing.promotion-changed', 1), data };
    await producer.send({ topic: `${inventory.config.KAFKA_TOPIC_PREFIX}pricing.promotion-changed`, messages: [{ key: promotionId, value: JSON.stringify(event) }] });
    await waitFor(async () => (await inventory.sql.query(`SELECT 1 FROM promotions WHERE promotion_id = $1`, [promotionId])).rowCount === 1, { description: 'the promotion to be known' });

    const states: Record<string, string> = {};
    for (const at of ['2026-06-01T02:00:00Z', '2026-06-01T04:00:00Z', '2026-07-01T02:00:00Z', '2026-07-01T03:59:59Z', '2026-07-01T04:00:00Z']) {
      clock.set(new Date(at));
      states[at] = await lookup(code);
    }
    expect(states).toEqual({
      '2026-06-01T02:00:00Z': 'disabled', // 22:00 on May 31 in New York: not started
      '2026-06-01T04:00:00Z': 'available',
      '2026-07-01T02:00:00Z': 'available', // 22:00 on June 30 in New York: still running
      '2026-07-01T03:59:59Z': 'available',
      '2026-07-01T04:00:00Z': 'disabled',
    });
  });
});
