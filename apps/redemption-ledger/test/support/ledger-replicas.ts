import { createKafka } from '@promo/messaging';
import { testInfra, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { freePort, startServiceProcess, type ServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import type { RedisClient } from '@promo/platform';
import { AssignerProtocol, type Producer } from 'kafkajs';
import type { Client } from 'pg';
import type { ConsumedTopic } from './ledger-harness';
import { ADMIN_KEY, createTestDatabase, deleteLedgerKeys, deleteLedgerTopics, dropTestDatabase, ledgerRedis, ledgerTestEnv, migrate, type HttpAnswer, request, sqlClient, testProducer } from './ledger-test-env';

/** Ops' deployment in small: `count` ledger processes on one database, one Redis prefix, one consumer group. */
export interface LedgerReplicas {
  readonly env: Record<string, string>;
  readonly replicas: readonly ServiceProcess[];
  readonly sql: Client;
  readonly redis: RedisClient;
  /** An admin API call on the first replica (GET without a body, POST with one). */
  admin(path: string, body?: unknown): Promise<HttpAnswer>;
  /** Base URLs of the replicas, the next one on each call. */
  roundRobin(): () => string;
  /** Publishes records to the replicas' copy of a consumed topic. */
  send(topic: ConsumedTopic, messages: readonly { readonly key: string; readonly value: string }[]): Promise<void>;
  /** `topic/partition` → the index of the group member that owns it, once the group is stable with `count` members. */
  assignment(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

export async function startLedgerReplicas(count: number, extra: Record<string, string> = {}): Promise<LedgerReplicas> {
  const pgUrl = await createTestDatabase();
  const env = ledgerTestEnv(pgUrl, uniqueSuffix(), extra);
  await migrate(env);
  const replicas: ServiceProcess[] = [];
  for (let n = 0; n < count; n += 1) replicas.push(startServiceProcess('redemption-ledger', 'main', { ...env, HTTP_PORT: String(await freePort()) }));
  await Promise.all(replicas.map((replica) => waitUntilReady(replica, 120_000)));
  const sql = await sqlClient(pgUrl);
  const redis = ledgerRedis(env);
  const topicPrefix = env['KAFKA_TOPIC_PREFIX'] ?? '';
  let producer: Producer | undefined;
  return {
    env,
    replicas,
    sql,
    redis,
    admin: (path, body) => request(replicas[0]?.baseUrl ?? '', ADMIN_KEY, body === undefined ? 'GET' : 'POST', path, body),
    roundRobin: () => {
      let next = 0;
      return () => replicas[next++ % replicas.length]?.baseUrl ?? '';
    },
    send: async (topic, messages) => {
      producer ??= await testProducer();
      await producer.send({ topic: `${topicPrefix}${topic}`, messages: messages.map((message) => ({ key: message.key, value: message.value })) });
    },
    assignment: () => groupAssignment(env['KAFKA_GROUP_ID'] ?? '', count),
    close: async () => {
      await producer?.disconnect();
      for (const replica of replicas) {
        if (replica.child.exitCode === null && replica.child.signalCode === null) replica.child.kill('SIGTERM');
      }
      await Promise.all(replicas.map((replica) => replica.exited));
      await deleteLedgerKeys(redis);
      await redis.quit();
      await sql.end();
      await dropTestDatabase(pgUrl);
      await deleteLedgerTopics(topicPrefix);
    },
  };
}

/** Waits until the group is stable with `members` members, then maps `topic/partition` to its owner's index in the group. */
async function groupAssignment(groupId: string, members: number): Promise<Map<string, number>> {
  const admin = createKafka({ clientId: `ledger-test-${uniqueSuffix()}`, brokers: testInfra().kafkaBrokers }).admin();
  await admin.connect();
  try {
    return await waitFor(
      async () => {
        const group = (await admin.describeGroups([groupId])).groups[0];
        if (group?.state !== 'Stable' || group.members.length !== members) return undefined;
        const owners = new Map<string, number>();
        for (const [index, member] of group.members.entries()) {
          const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
          for (const [topic, partitions] of Object.entries(decoded?.assignment ?? {})) {
            for (const partition of partitions) owners.set(`${topic}/${partition}`, index);
          }
        }
        return owners;
      },
      { timeoutMs: 60_000, intervalMs: 200, description: `consumer group ${groupId} stable with ${members} members` },
    );
  } finally {
    await admin.disconnect();
  }
}
