import { randomUUID } from 'node:crypto';
import { createKafka, ensureTopics } from '@promo/messaging';
import { collectRecords } from '@promo/messaging/testing';
import { testInfra, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { freePort, startServiceProcess, type ServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { type Admin, type Consumer, type EachMessagePayload, Partitioners, type Producer } from 'kafkajs';
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
  /** Ids of the cart.updated events this instance sent. */
  private readonly sentIds = new Set<string>();

  private constructor(
    readonly env: Readonly<Record<string, string>>,
    readonly sql: Client,
    readonly admin: Admin,
    readonly producer: Producer,
    /** Every record on pricing.cart-priced (shared by the tests on the broker: filtered by what this one sent). */
    private readonly cartPriced: { readonly records: EachMessagePayload[]; readonly consumer: Consumer },
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
      KAFKA_TOPIC_PREFIX: `t-${suffix}.`,
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
    await ensureTopics(admin, [{ topic: 'pricing.cart-priced', numPartitions: 6 }]);
    const cartPriced = await collectRecords(kafka, 'pricing.cart-priced');
    return new LonePricing(serviceEnv, sql, admin, producer, cartPriced, database, suffix, name);
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
      const id = randomUUID();
      this.sentIds.add(id);
      const envelope = { specversion: '1.0', id, source: 'test/pricing', type: 'cart.updated', time: '2026-06-01T12:00:00Z', datacontenttype: 'application/json', data: aCart(cartId) };
      messages.push({ key: cartId, value: JSON.stringify(envelope), ...(partition === undefined ? {} : { partition }) });
    }
    await this.producer.send({ topic: this.topic, messages });
  }

  async count(query: string, params: unknown[] = []): Promise<number> {
    return Number((await this.sql.query<{ n: string }>(query, params)).rows[0]?.n);
  }

  /**
   * Distinct events sent here that pricing has answered on pricing.cart-priced (#21: it keeps no
   * processed-event rows for cart.updated; its answer is the record of having processed one).
   */
  processedCount(): Promise<number> {
    return Promise.resolve(new Set(this.answers().map((answer) => answer.sourceEventId)).size);
  }

  /** Resolves once every record on pricing.cart-priced at this moment has been collected. */
  async answersCollected(): Promise<void> {
    const ends = await this.admin.fetchTopicOffsets('pricing.cart-priced');
    await waitFor(
      () =>
        ends.every((end) => {
          if (end.high === end.low) return true;
          const last = this.cartPriced.records.filter((r) => r.partition === end.partition).reduce((max, r) => (BigInt(r.message.offset) > max ? BigInt(r.message.offset) : max), -1n);
          return last + 1n >= BigInt(end.high);
        }),
      { timeoutMs: 30_000, description: 'every cart-priced record collected' },
    );
  }

  /** cart-priced records published for events sent here, repeats included (a redelivery repeats one). */
  publishedCount(): number {
    return this.answers().length;
  }

  /** The answers read so far, each record parsed once (the collected list only grows). */
  private readonly parsedAnswers: { readonly id: string; readonly sourceEventId: string }[] = [];
  private recordsParsed = 0;

  private answers(): readonly { readonly id: string; readonly sourceEventId: string }[] {
    const records = this.cartPriced.records;
    for (; this.recordsParsed < records.length; this.recordsParsed += 1) {
      const event = JSON.parse(records[this.recordsParsed]?.message.value?.toString() ?? '{}') as { id?: string; data?: { sourceEventId?: string } };
      const source = event.data?.sourceEventId;
      if (source !== undefined && event.id !== undefined && this.sentIds.has(source)) this.parsedAnswers.push({ id: event.id, sourceEventId: source });
    }
    return this.parsedAnswers;
  }

  /** Kills what is still running, deletes the topic and drops the database. */
  async destroy(): Promise<void> {
    for (const service of this.started) if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
    await Promise.all(this.started.map((service) => service.exited));
    await Promise.allSettled([this.producer.disconnect(), this.cartPriced.consumer.disconnect(), this.admin.deleteTopics({ topics: [this.topic] })]);
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
