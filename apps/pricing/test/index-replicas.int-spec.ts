import { deadLetterTopic } from '@promo/contracts';
import { createKafka } from '@promo/messaging';
import { collectRecords } from '@promo/messaging/testing';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { Partitioners } from 'kafkajs';
import { aCart } from './builders/cart.builder';
import { anAutomatic } from './builders/promotion.builder';
import { type PricingApp, startPricingApp } from './support/pricing-app';

interface PricedBody {
  total: number;
  indexVersion: number;
}

describe('the promotion index on two replicas (P11)', () => {
  let replicaA: PricingApp;
  let replicaB: PricingApp;

  beforeAll(async () => {
    // Two replicas of one deployment: one store, one shared consumer group, an index group each.
    const group = `pricing-test-${uniqueSuffix()}`;
    [replicaA, replicaB] = await Promise.all([
      startPricingApp({ PRICING_CONSUMER_GROUP: group, PRICING_INSTANCE_ID: `a-${uniqueSuffix()}` }),
      startPricingApp({ PRICING_CONSUMER_GROUP: group, PRICING_INSTANCE_ID: `b-${uniqueSuffix()}` }),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([replicaA.close(), replicaB.close()]);
  }, 30_000);

  const priceOn = async (replica: PricingApp, cart: Record<string, unknown>): Promise<PricedBody> => {
    const response = await replica.storefront('POST', '/v1/carts/price', cart);
    expect(response.status).toBe(200);
    return (await response.json()) as PricedBody;
  };

  it('reports ready only with its index built', async () => {
    for (const replica of [replicaA, replicaB]) {
      const ready = await fetch(`${replica.baseUrl}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ checks: { 'promotion-index': 'up' } });
    }
  });

  it('sees a promotion created on one replica, and its update made on the other, on both within a bounded wait', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const promotion = anAutomatic().withChannel(channel).withPercentOff(10).build();
    const cart = aCart(channel).withLine(1000, 2).build();
    expect((await priceOn(replicaB, cart)).total).toBe(2000);

    expect((await replicaA.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    // 2 × $10.00 − 10%.
    const first = await waitFor(async () => {
      const [a, b] = await Promise.all([priceOn(replicaA, cart), priceOn(replicaB, cart)]);
      return a.total === 1800 && b.total === 1800 ? b : undefined;
    }, { timeoutMs: 20_000, description: 'both replicas price with the new promotion' });

    const update = await replicaB.admin('PUT', `/v1/promotions/${String(promotion['id'])}`, { ...promotion, rules: [{ reward: { type: 'orderPercent', percent: 25 } }] }, { 'if-match': '"1"' });
    expect(update.status).toBe(200);
    // 2 × $10.00 − 25%.
    const second = await waitFor(async () => {
      const [a, b] = await Promise.all([priceOn(replicaA, cart), priceOn(replicaB, cart)]);
      return a.total === 1500 && b.total === 1500 ? a : undefined;
    }, { timeoutMs: 20_000, description: 'both replicas price with the updated promotion' });
    expect(second.indexVersion).toBeGreaterThan(first.indexVersion);

    expect((await replicaA.admin('POST', `/v1/promotions/${String(promotion['id'])}/disable`)).status).toBe(200);
    await waitFor(async () => {
      const [a, b] = await Promise.all([priceOn(replicaA, cart), priceOn(replicaB, cart)]);
      return a.total === 2000 && b.total === 2000;
    }, { timeoutMs: 20_000, description: 'both replicas drop the disabled promotion' });
  });

  it('still takes in a change committed below the index version (out of sequence order): the fingerprint tells, and both replicas read the store whole', async () => {
    const channel = `web-${uniqueSuffix()}`;
    const promotion = anAutomatic().withChannel(channel).withPercentOff(10).build();
    const later = anAutomatic().withChannel(`other-${channel}`).withPercentOff(10).build();
    const cart = aCart(channel).withLine(1000, 2).build();
    expect((await replicaA.admin('POST', '/v1/promotions', promotion)).status).toBe(201);
    // A later change holds the highest sequence, so the index version stays the same after the one below.
    expect((await replicaA.admin('POST', '/v1/promotions', later)).status).toBe(201);
    const laterSeen = (r: PricingApp): Promise<boolean> => priceOn(r, aCart(`other-${channel}`).withLine(1000, 2).build()).then((p) => p.total === 1800);
    await waitFor(async () => {
      const [a, b] = await Promise.all([priceOn(replicaA, cart), priceOn(replicaB, cart)]);
      return a.total === 1800 && b.total === 1800 && (await laterSeen(replicaA)) && (await laterSeen(replicaB));
    }, { timeoutMs: 20_000, description: 'both replicas price with both new promotions' });

    // As if its transaction had taken its sequence before the last change read, and committed after it: no
    // update since the index version names this row, and no event comes; only the fingerprint's sum moved.
    await replicaA.sql.query(
      `UPDATE promotions SET definition = jsonb_set(definition, '{rules}', '[{"reward": {"type": "orderPercent", "percent": 50}}]'), change_seq = change_seq - 1 WHERE id = $1`,
      [promotion['id']],
    );
    // 2 × $10.00 − 50%, once each replica's poll saw the sum move.
    await waitFor(async () => {
      const [a, b] = await Promise.all([priceOn(replicaA, cart), priceOn(replicaB, cart)]);
      return a.total === 1000 && b.total === 1000;
    }, { timeoutMs: 30_000, description: 'both replicas rebuilt their index from the store' });
  }, 60_000);

  it('dead-letters a malformed promotion change from each replica into one shared topic, leaving no topic of its own', async () => {
    const changes = 'pricing.promotion-changed';
    const shared = deadLetterTopic(changes, 'pricing-index');
    const kafka = createKafka({ clientId: `index-dlq-${uniqueSuffix()}`, brokers: replicaA.config.KAFKA_BROKERS });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    const admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    const { records, consumer } = await collectRecords(kafka, shared);
    try {
      const key = `not-a-promotion-${uniqueSuffix()}`;
      await producer.send({ topic: changes, messages: [{ key, value: 'not a CloudEvent' }] });
      const mine = () => records.filter((r) => r.message.key?.toString() === key);
      await waitFor(() => mine().length === 2, { timeoutMs: 30_000, description: 'both replicas dead-lettered the record' });
      const groups = mine().map((r) => r.message.headers?.['dlq-consumer-group']?.toString()).sort();
      const indexGroup = (replica: PricingApp) => `pricing-index-${replica.config.PRICING_INSTANCE_ID}`;
      expect(groups).toEqual([indexGroup(replicaA), indexGroup(replicaB)].sort());
      const topics = await admin.listTopics();
      expect(topics.filter((t) => t === deadLetterTopic(changes, indexGroup(replicaA)) || t === deadLetterTopic(changes, indexGroup(replicaB)))).toEqual([]);
    } finally {
      await Promise.all([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
    }
  });
});
