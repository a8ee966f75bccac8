import { randomUUID } from 'node:crypto';
import { createKafka } from '@promo/messaging';
import { hashApiKey } from '@promo/platform';
import { testInfra, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { freePort, startServiceProcess, type ServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { type Admin, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { checkRecordsLost } from './checks/records-lost.check';
import { AdminClient } from './cluster/admin-client';

// Issue 18: records deleted under a lagging consumer are never a quiet reset. A real pricing process
// consumes 20 records and stops; while it is away 30 more arrive and the log start is moved past 15 of
// them (what retention does to a consumer that lags behind it). The restarted process logs an error
// naming topic, partition, group and offsets, counts them in messaging_records_lost_total, reports them
// in /v1/ops/ingestion, and the contract replay's check fails naming them.
const READ_BEFORE = 20;
const ARRIVED_WHILE_AWAY = 30;
const DELETED_UP_TO = READ_BEFORE + 15;
const ADMIN_KEY = `lost-admin-${uniqueSuffix()}`;

const aCart = (cartId: string) => ({
  cartId,
  channel: 'web',
  currency: 'USD',
  customer: null,
  lines: [{ lineId: 'l1', sku: 'sku-1', productId: 'p-1', quantity: 1, unitPrice: 1250, categories: [] }],
  codes: [],
  shipping: null,
  updatedAt: '2026-06-01T12:00:00Z',
});

describe('a consumer whose unread records are deleted', () => {
  const suffix = uniqueSuffix();
  const database = `promo_lost_${suffix}`;
  const topic = `t-${suffix}.cart.updated`;
  const group = `pricing-lost-${suffix}`;
  let sql: Client;
  let admin: Admin;
  let producer: Producer;
  let env: Record<string, string>;
  const started: ServiceProcess[] = [];
  const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  const processed = async () => Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM processed_events WHERE consumer_group = $1 AND topic = $2`, [group, topic])).rows[0]?.n);

  async function start(): Promise<ServiceProcess> {
    const service = startServiceProcess('pricing', 'main', { ...env, HTTP_PORT: String(await freePort()) });
    started.push(service);
    await waitUntilReady(service, 90_000);
    return service;
  }

  async function send(from: number, to: number): Promise<void> {
    const messages = [];
    for (let n = from; n < to; n += 1) {
      const cartId = `cart-${n}`;
      const envelope = { specversion: '1.0', id: randomUUID(), source: 'test/lost', type: 'cart.updated', time: '2026-06-01T12:00:00Z', datacontenttype: 'application/json', data: aCart(cartId) };
      messages.push({ key: cartId, value: JSON.stringify(envelope), partition: 0 });
    }
    await producer.send({ topic, messages });
  }

  beforeAll(async () => {
    const infra = testInfra();
    const admins = new Client({ connectionString: withDatabase(infra.pgUrl, 'postgres') });
    await admins.connect();
    await admins.query(`CREATE DATABASE ${database}`);
    await admins.end();
    env = {
      PG_URL: withDatabase(infra.pgUrl, database),
      REDIS_URL: infra.redisUrl,
      REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}lost-${suffix}:`,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PARTITIONS: '1',
      PRICING_TOPIC_PREFIX: `t-${suffix}.`,
      PRICING_CONSUMER_GROUP: group,
      PRICING_INSTANCE_ID: `lost-${suffix}`,
      API_KEYS: `admin:${hashApiKey(ADMIN_KEY)}`,
      CODE_INVENTORY_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
    };
    const migration = startServiceProcess('pricing', 'migrate', env);
    expect(await migration.exited).toEqual({ code: 0, signal: null });
    sql = new Client({ connectionString: env['PG_URL'], options: '-c search_path=pricing' });
    await sql.connect();
    const kafka = createKafka({ clientId: `lost-test-${suffix}`, brokers: infra.kafkaBrokers });
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  }, 120_000);

  afterAll(async () => {
    for (const service of started) if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
    await Promise.all(started.map((service) => service.exited));
    await Promise.allSettled([producer.disconnect(), admin.deleteTopics({ topics: [topic] })]);
    await admin.disconnect();
    await sql.end();
    const admins = new Client({ connectionString: withDatabase(testInfra().pgUrl, 'postgres') });
    await admins.connect();
    await admins.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admins.end();
  }, 60_000);

  it('logs an error, counts the lost records in its metric and its ingestion report, and the replay check fails naming them', async () => {
    const first = await start();
    await send(0, READ_BEFORE);
    await waitFor(async () => (await processed()) === READ_BEFORE, { timeoutMs: 60_000, description: `${READ_BEFORE} records processed` });
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });

    await send(READ_BEFORE, READ_BEFORE + ARRIVED_WHILE_AWAY);
    await admin.fetchTopicMetadata({ topics: [topic] }); // the topic was made by the service, after this admin connected
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: String(DELETED_UP_TO) }] });

    const second = await start();
    await waitFor(async () => (await processed()) === READ_BEFORE + (READ_BEFORE + ARRIVED_WHILE_AWAY - DELETED_UP_TO), { timeoutMs: 60_000, description: 'the records after the log start processed' });
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

    const client = new AdminClient(second.baseUrl, ADMIN_KEY);
    expect((await client.get<{ lost: unknown[] }>('/v1/ops/ingestion')).lost).toEqual([{ topic, partition: 0, records: lost }]);
    expect(await checkRecordsLost(new Map([['pricing', client]]))).toEqual({
      check: 'records lost (deleted before a consumer read them)',
      expected: 'none',
      got: `${group}: ${topic}[0] ${lost}`,
      ok: false,
    });
  }, 240_000);
});
