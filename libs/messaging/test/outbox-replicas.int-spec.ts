import type { Admin, Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { testInfra, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { createKafka, OutboxRelay } from '../src';
import { collectRecords, createTestTopic } from '../src/testing';
import { createTestDataSource, quietLogger } from './fixtures/test-schema';

const infra = testInfra();
const KEYS = 8;
const EVENTS_PER_KEY = 150;

/**
 * Issue 18: two replicas' relays on one outbox. Each key's events must reach Kafka in the order they
 * were committed (a `redemption.reversed` never before its `redemption.recorded`).
 */
describe('OutboxRelay at two replicas', () => {
  let kafka: Kafka;
  let admin: Admin;
  const producers: Producer[] = [];
  const dataSources: DataSource[] = [];
  let schema: string;

  beforeAll(async () => {
    kafka = createKafka({ clientId: 'outbox-replicas-test', brokers: infra.kafkaBrokers });
    admin = kafka.admin();
    await admin.connect();
    schema = `outbox_test_${uniqueSuffix()}`;
    // Two pools on one schema, as two replicas of one app have.
    dataSources.push(await createTestDataSource(infra.pgUrl, schema), await createTestDataSource(infra.pgUrl, schema));
  });

  afterAll(async () => {
    await dataSources[0]?.query(`DROP SCHEMA "${schema}" CASCADE`);
    await Promise.all(dataSources.map((d) => d.destroy()));
    await Promise.all([admin.disconnect(), ...producers.map((p) => p.disconnect())]);
  });

  it("publishes each key's events in commit order while both relays run", async () => {
    const topic = await createTestTopic(admin, { prefix: 'outbox-order', partitions: 3 });
    const [first] = dataSources;
    if (!first) throw new Error('no data source');
    // Rows interleave the keys, as concurrent orders do: key k's n-th event has id order n within k.
    const values: string[] = [];
    for (let n = 0; n < EVENTS_PER_KEY; n += 1) for (let k = 0; k < KEYS; k += 1) values.push(`('${topic}', 'key-${k}', '{}', '${k}:${n}', now())`);
    await first.query(`INSERT INTO outbox_messages (topic, key, headers, value, created_at) VALUES ${values.join(', ')}`);

    const collector = await collectRecords(kafka, topic);
    const relays = await Promise.all(
      dataSources.map(async (dataSource) => {
        const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
        await producer.connect();
        producers.push(producer);
        // Small batches: many rounds, so the two relays contend for the outbox throughout.
        return new OutboxRelay({ dataSource, producer, logger: quietLogger, now: () => new Date('2026-11-25T12:00:00Z'), batchSize: 25, pollIntervalMs: 1 });
      }),
    );
    try {
      for (const relay of relays) relay.start();
      await waitFor(() => collector.records.length >= KEYS * EVENTS_PER_KEY, { timeoutMs: 60_000, description: 'every outbox row on the topic' });
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
      await collector.consumer.disconnect();
    }

    const seenPerKey = new Map<string, number[]>();
    for (const { message } of collector.records) {
      const [key, n] = (message.value?.toString() ?? '').split(':');
      seenPerKey.set(key ?? '', [...(seenPerKey.get(key ?? '') ?? []), Number(n)]);
    }
    const outOfOrder = [...seenPerKey].filter(([, ns]) => ns.some((n, i) => i > 0 && n < (ns[i - 1] ?? -1))).map(([key]) => key);
    expect(collector.records).toHaveLength(KEYS * EVENTS_PER_KEY);
    expect(outOfOrder).toEqual([]);
    const unpublished: { n: number }[] = await first.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL`);
    expect(unpublished[0]?.n).toBe(0);
  });
});
