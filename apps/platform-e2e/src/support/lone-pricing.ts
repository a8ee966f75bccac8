import { randomUUID } from 'node:crypto';
import { createKafka } from '@promo/messaging';
import { testInfra, uniqueSuffix } from '@promo/platform/testing';
import { freePort, startServiceProcess, type ServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { type Admin, Partitioners, type Producer } from 'kafkajs';
import { Client } from 'pg';

/** A cart.updated payload of one line, for feeding a pricing process. */
export const aCart = (cartId: string) => ({
  cartId,
  channel: 'web',
  currency: 'USD',
  customer: null,
  lines: [{ lineId: 'l1', sku: 'sku-1', productId: 'p-1', quantity: 2, unitPrice: 1250, categories: [] }],
  codes: [],
  shipping: null,
  updatedAt: '2026-06-01T12:00:00Z',
});

/**
 * One pricing process at a time on a database, topic prefix and consumer group of its own, on the
 * test broker: for tests that stop, kill or starve a real process and look at what it did.
 */
export class LonePricing {
  readonly topic: string;
  readonly group: string;
  private readonly started: ServiceProcess[] = [];

  private constructor(
    readonly env: Readonly<Record<string, string>>,
    readonly sql: Client,
    readonly admin: Admin,
    readonly producer: Producer,
    private readonly database: string,
    suffix: string,
    name: string,
  ) {
    this.topic = `t-${suffix}.cart.updated`;
    this.group = `pricing-${name}-${suffix}`;
  }

  /** Creates the database, migrates it and connects; `env` adds to or overrides the service's environment. */
  static async create(name: string, env: Readonly<Record<string, string>>): Promise<LonePricing> {
    const infra = testInfra();
    const suffix = uniqueSuffix();
    const database = `promo_${name.replace(/[^a-z0-9]/g, '_')}_${suffix}`;
    await adminQuery(`CREATE DATABASE ${database}`);
    const serviceEnv = {
      PG_URL: withDatabase(infra.pgUrl, database),
      REDIS_URL: infra.redisUrl,
      REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}${name}-${suffix}:`,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      PRICING_TOPIC_PREFIX: `t-${suffix}.`,
      PRICING_CONSUMER_GROUP: `pricing-${name}-${suffix}`,
      PRICING_INSTANCE_ID: `${name}-${suffix}`,
      CODE_INVENTORY_URL: 'http://127.0.0.1:9',
      NODE_ENV: 'test',
      ...env,
    };
    const migration = startServiceProcess('pricing', 'migrate', serviceEnv);
    const migrated = await migration.exited;
    if (migrated.code !== 0) throw new Error(`pricing migration failed:\n${migration.output().slice(-2_000)}`);
    const sql = new Client({ connectionString: serviceEnv.PG_URL, options: '-c search_path=pricing' });
    await sql.connect();
    const kafka = createKafka({ clientId: `${name}-test-${suffix}`, brokers: infra.kafkaBrokers });
    const admin = kafka.admin();
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await Promise.all([admin.connect(), producer.connect()]);
    return new LonePricing(serviceEnv, sql, admin, producer, database, suffix, name);
  }

  /** Starts a pricing process on a free port and waits until it is ready. */
  async start(): Promise<ServiceProcess> {
    const service = startServiceProcess('pricing', 'main', { ...this.env, HTTP_PORT: String(await freePort()) });
    this.started.push(service);
    await waitUntilReady(service, 90_000);
    return service;
  }

  /** Sends cart.updated events for carts `cart-<from>` … `cart-<to - 1>`, to `partition` when given. */
  async send(from: number, to: number, partition?: number): Promise<void> {
    const messages = [];
    for (let n = from; n < to; n += 1) {
      const cartId = `cart-${n}`;
      const envelope = { specversion: '1.0', id: randomUUID(), source: 'test/pricing', type: 'cart.updated', time: '2026-06-01T12:00:00Z', datacontenttype: 'application/json', data: aCart(cartId) };
      messages.push({ key: cartId, value: JSON.stringify(envelope), ...(partition === undefined ? {} : { partition }) });
    }
    await this.producer.send({ topic: this.topic, messages });
  }

  async count(query: string, params: unknown[] = []): Promise<number> {
    return Number((await this.sql.query<{ n: string }>(query, params)).rows[0]?.n);
  }

  /** Distinct events of the topic the group has processed. */
  processedCount(): Promise<number> {
    return this.count(`SELECT count(*) AS n FROM processed_events WHERE consumer_group = $1 AND topic = $2`, [this.group, this.topic]);
  }

  /** Kills what is still running, deletes the topic and drops the database. */
  async destroy(): Promise<void> {
    for (const service of this.started) if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
    await Promise.all(this.started.map((service) => service.exited));
    await Promise.allSettled([this.producer.disconnect(), this.admin.deleteTopics({ topics: [this.topic] })]);
    await this.admin.disconnect();
    await this.sql.end();
    await adminQuery(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
  }
}

function withDatabase(url: string, name: string): string {
  return Object.assign(new URL(url), { pathname: `/${name}` }).toString();
}

async function adminQuery(sql: string): Promise<void> {
  const admins = new Client({ connectionString: withDatabase(testInfra().pgUrl, 'postgres') });
  await admins.connect();
  try {
    await admins.query(sql);
  } finally {
    await admins.end();
  }
}
