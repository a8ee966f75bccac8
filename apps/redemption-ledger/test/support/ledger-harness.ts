import type { Clock } from '@promo/platform';
import type { RedisClient } from '@promo/platform';
import type { Producer } from 'kafkajs';
import type { Client } from 'pg';
import { envelope } from '../builders/order-event.builder';
import { createTestDatabase, deleteLedgerKeys, deleteLedgerTopics, dropTestDatabase, ledgerRedis, ledgerTestEnv, migrate, type RunningLedger, sqlClient, startLedger, testProducer } from './ledger-test-env';

export type ConsumedTopic = 'order.placed' | 'order.cancelled' | 'pricing.promotion-changed';

/** One in-process ledger on its own database, Redis prefix, topics and group, with clients to drive and inspect it. */
export interface LedgerHarness {
  readonly env: Record<string, string>;
  readonly ledger: RunningLedger;
  readonly sql: Client;
  readonly redis: RedisClient;
  readonly topicPrefix: string;
  /** Publishes a CloudEvent to this ledger's copy of a consumed topic. */
  publish(topic: ConsumedTopic, key: string, data: unknown, id?: string): Promise<void>;
  /** Publishes CloudEvents in one send under one key: one partition, in order, read as one batch by an idle consumer. */
  publishMany(topic: ConsumedTopic, key: string, events: readonly { readonly data: unknown; readonly id?: string }[]): Promise<void>;
  /** Publishes a recorded value as it is (a stream replay). */
  publishRaw(topic: ConsumedTopic, key: string | null, value: string): Promise<void>;
  close(): Promise<void>;
}

export async function startLedgerHarness(options: { readonly clock?: Clock; readonly env?: Record<string, string> } = {}): Promise<LedgerHarness> {
  const pgUrl = await createTestDatabase();
  const env = ledgerTestEnv(pgUrl, undefined, options.env ?? {});
  const topicPrefix = env['KAFKA_TOPIC_PREFIX'] ?? '';
  await migrate(env);
  const ledger = await startLedger(env, options.clock);
  const sql = await sqlClient(pgUrl);
  const redis = ledgerRedis(env);
  let producer: Producer | undefined;
  const send = async (topic: ConsumedTopic, key: string | null, ...values: string[]) => {
    producer ??= await testProducer();
    await producer.send({ topic: `${topicPrefix}${topic}`, messages: values.map((value) => ({ key, value })) });
  };
  return {
    env,
    ledger,
    sql,
    redis,
    topicPrefix,
    publish: (topic, key, data, id) => send(topic, key, envelope(topic, key, data, id)),
    publishMany: (topic, key, events) => send(topic, key, ...events.map((event) => envelope(topic, key, event.data, event.id))),
    publishRaw: (topic, key, value) => send(topic, key, value),
    close: async () => {
      await producer?.disconnect();
      await ledger.app.close();
      await deleteLedgerKeys(redis);
      await redis.quit();
      await sql.end();
      await dropTestDatabase(pgUrl);
      await deleteLedgerTopics(topicPrefix);
    },
  };
}
