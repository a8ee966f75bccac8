import { randomUUID } from 'node:crypto';
import { type OutboundEventData, outboundDataschema } from '@promo/contracts';
import { testInfra, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { Kafka, type Producer } from 'kafkajs';
import { aGroupWithCodes } from './builders/code-group.builder';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

/** #19.4 (C2): code-inventory is the one authority for the store's codes, pricing's shared codes included. */
describe('shared codes registered by pricing (C2)', () => {
  let inventory: InventoryApp;
  let producer: Producer;

  beforeAll(async () => {
    inventory = await startInventoryApp();
    producer = new Kafka({ clientId: 'code-inventory-registry-test', brokers: [...testInfra().kafkaBrokers], logLevel: 1 }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await inventory.close();
  });

  const register = (promotionId: string, version: number, codes: string[]): Promise<Response> =>
    inventory.admin('PUT', `/v1/promotions/${promotionId}/shared-codes`, { codes, version });

  const changed = async (promotionId: string, version: number, codes: string[] | null): Promise<void> => {
    const data: OutboundEventData['pricing.promotion-changed'] = {
      promotionId,
      change: codes === null ? 'deleted' : version === 1 ? 'created' : 'updated',
      version,
      changedAt: '2026-06-01T00:00:00.000Z',
      promotion: codes === null ? null : { id: promotionId, kind: 'coupon', enabled: true, codes },
      startsAt: null,
      endsAt: null,
    };
    const event = { specversion: '1.0', id: randomUUID(), source: 'promotions/test', type: 'pricing.promotion-changed', time: data.changedAt, datacontenttype: 'application/json', dataschema: outboundDataschema('pricing.promotion-changed', 1), data };
    await producer.send({ topic: `${inventory.config.KAFKA_TOPIC_PREFIX}pricing.promotion-changed`, messages: [{ key: promotionId, value: JSON.stringify(event) }] });
    await waitFor(async () => (await inventory.sql.query(`SELECT 1 FROM promotions WHERE promotion_id = $1 AND version >= $2`, [promotionId, version])).rowCount === 1, {
      description: `version ${version} of ${promotionId} to be applied`,
    });
  };

  it('refuses an uploaded group code equal to a registered shared code, naming the promotion that holds it', async () => {
    const s = uniqueSuffix().toUpperCase();
    const holder = `promo-shared-${s.toLowerCase()}`;
    expect((await register(holder, 1, [`WELCOME-${s}`])).status).toBe(200);
    const { groupId } = await aGroupWithCodes(inventory, 0);

    const response = await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes: [`welcome-${s}`] });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      imported: 0,
      duplicates: [{ line: 1, code: `welcome-${s}`, conflict: { source: 'store', promotionId: holder, groupId: null } }],
    });
  });

  it('refuses to register a code a group or another promotion holds, naming the holder', async () => {
    const s = uniqueSuffix().toUpperCase();
    const group = await aGroupWithCodes(inventory, 1);
    const groupCode = group.codes[0] ?? '';
    const first = `promo-a-${s.toLowerCase()}`;
    expect((await register(first, 1, [`SHARED-${s}`])).status).toBe(200);

    const byGroup = await register(`promo-b-${s.toLowerCase()}`, 1, [` ${groupCode.toLowerCase()} `]);
    expect(byGroup.status).toBe(409);
    expect(await byGroup.json()).toMatchObject({ status: 409, detail: `codes already used elsewhere in the store: ${groupCode} (group ${group.groupId} of promotion ${group.promotionId})` });

    const byPromotion = await register(`promo-b-${s.toLowerCase()}`, 1, [`shared-${s}`]);
    expect(byPromotion.status).toBe(409);
    expect(await byPromotion.json()).toMatchObject({ detail: `codes already used elsewhere in the store: SHARED-${s} (promotion ${first})` });
    // Registering again for the same promotion is not a conflict (a retry, or the next version).
    expect((await register(first, 2, [`shared-${s}`])).status).toBe(200);
  });

  it('lets exactly one of two concurrent registrations of one code win, whatever the race', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const s = uniqueSuffix().toUpperCase();
        const responses = await Promise.all([register(`promo-x-${s.toLowerCase()}`, 1, [`RACE-${s}`]), register(`promo-y-${s.toLowerCase()}`, 1, [`race-${s}`])]);
        return responses.map((response) => response.status).sort();
      }),
    );
    expect(outcomes).toEqual(Array.from({ length: 8 }, () => [200, 409]));
  });

  it('releases a code once a committed version drops it, keeps one a newer version registered, and releases all on delete', async () => {
    const s = uniqueSuffix().toUpperCase();
    const holder = `promo-r-${s.toLowerCase()}`;
    const other = `promo-o-${s.toLowerCase()}`;
    const [x1, x2, x3] = [`R1-${s}`, `R2-${s}`, `R3-${s}`];
    expect((await register(holder, 1, [x1, x2])).status).toBe(200);
    // Pricing is saving version 2 (X1, X3) while version 1's event is still on its way.
    expect((await register(holder, 2, [x1, x3])).status).toBe(200);
    await changed(holder, 1, [x1, x2]);
    expect((await register(other, 1, [x3])).status).toBe(409);
    await changed(holder, 2, [x1, x3]);
    expect((await register(other, 1, [x2])).status).toBe(200);
    expect((await register(other, 2, [x2, x1])).status).toBe(409);

    await changed(holder, 3, null);
    expect((await register(other, 3, [x2, x1, x3])).status).toBe(200);
  });
});
