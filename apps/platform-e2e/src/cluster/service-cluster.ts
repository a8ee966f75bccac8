import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashApiKey } from '@promo/platform';
import { freePort, startServiceProcess, type ServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { ReplicaBalancer } from './replica-balancer';

export const SERVICES = ['pricing', 'code-inventory', 'redemption-ledger', 'campaigns'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ClusterEnvironment {
  readonly pgUrl: string;
  readonly redisUrl: string;
  readonly redisKeyPrefix: string;
  /** A Redis Cluster's nodes (`--cluster`); then redisUrl is not used. */
  readonly redisClusterNodes?: string | undefined;
  readonly kafkaBrokers: string;
  readonly smtpUrl: string;
  /** Where each service's event-time clock starts (the first recorded timestamp). */
  readonly clockStart: string;
  readonly adminKey: string;
  readonly storefrontKey: string;
  /** Processes per service (default 1), each on its own port, in the service's consumer group. */
  readonly replicas?: number;
  /** Where each process's output is written when the cluster stops (`<service>-<replica>[-<start>].log`). */
  readonly logDir?: string;
  /** LOG_LEVEL of the services (default warn). */
  readonly logLevel?: string;
}

interface Replica {
  port: number;
  process: ServiceProcess | undefined;
  /** Processes this replica ran before the current one (the chaos mode restarts it). */
  readonly earlier: ServiceProcess[];
}

/**
 * The four services as separate processes, as in production, with event-time clocks (a replay):
 * N replicas of each on one database, Redis and broker, behind one address per service.
 */
export class ServiceCluster {
  private constructor(
    private readonly environment: ClusterEnvironment,
    private readonly replicas: ReadonlyMap<ServiceName, readonly Replica[]>,
    private readonly balancers: ReadonlyMap<ServiceName, { readonly port: number; readonly balancer: ReplicaBalancer }>,
  ) {}

  /** The keys pricing (code-lookup) and campaigns (code-issue) call code-inventory with, as deployed (#19). */
  private readonly serviceKeys = {
    'code-lookup': `e2e-code-lookup-${randomBytes(12).toString('hex')}`,
    'code-issue': `e2e-code-issue-${randomBytes(12).toString('hex')}`,
  };

  static async start(environment: ClusterEnvironment): Promise<ServiceCluster> {
    const count = environment.replicas ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error(`replicas must be a positive integer, got ${count}`);
    const replicas = new Map<ServiceName, Replica[]>();
    const balancers = new Map<ServiceName, { port: number; balancer: ReplicaBalancer }>();
    for (const service of SERVICES) {
      const ports: number[] = [];
      for (let i = 0; i < count; i += 1) ports.push(await freePort());
      replicas.set(
        service,
        ports.map((port) => ({ port, process: undefined, earlier: [] })),
      );
      const port = await freePort();
      balancers.set(service, { port, balancer: await ReplicaBalancer.listen(port, ports) });
    }
    const cluster = new ServiceCluster(environment, replicas, balancers);
    try {
      for (const service of SERVICES) {
        const migration = startServiceProcess(service, 'migrate', cluster.env(service, 0));
        const exit = await migration.exited;
        if (exit.code !== 0) throw new Error(`${service} migrations failed:\n${migration.output().slice(-3_000)}`);
      }
      await Promise.all(SERVICES.flatMap((service) => cluster.replicasOf(service).map((_, index) => cluster.launch(service, index))));
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** The service's one address (every replica behind it). */
  url(service: ServiceName): string {
    return `http://127.0.0.1:${this.balancers.get(service)?.port}`;
  }

  /** Each replica's own address. */
  replicaUrls(service: ServiceName): string[] {
    return this.replicasOf(service).map((r) => `http://127.0.0.1:${r.port}`);
  }

  replicaCount(service: ServiceName): number {
    return this.replicasOf(service).length;
  }

  /** SIGKILL one replica (the chaos mode): the others take its partitions, and nothing may be lost or doubled. */
  async kill(service: ServiceName, index: number): Promise<void> {
    const running = this.replicasOf(service)[index]?.process;
    if (!running) return;
    running.child.kill('SIGKILL');
    await running.exited;
  }

  /** Starts a fresh process in a replica's place (its port), and waits until it is ready. */
  async restart(service: ServiceName, index: number): Promise<void> {
    await this.kill(service, index);
    await this.launch(service, index);
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.replicas.values()].flat().map(async ({ process }) => {
        if (!process) return;
        if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill('SIGTERM');
        await process.exited;
      }),
    );
    await Promise.all([...this.balancers.values()].map(({ balancer }) => balancer.close()));
    this.writeLogs();
  }

  private writeLogs(): void {
    const dir = this.environment.logDir;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    for (const [service, replicas] of this.replicas) {
      replicas.forEach((replica, index) => {
        [...replica.earlier, ...(replica.process ? [replica.process] : [])].forEach((p, run) => {
          writeFileSync(path.join(dir, `${service}-${index}${run === 0 ? '' : `-${run}`}.log`), p.output());
        });
      });
    }
  }

  /** Everything the service's replicas wrote, replica by replica. */
  output(service: ServiceName): string {
    return this.replicasOf(service)
      .map((r, i) => `--- ${service} replica ${i} ---\n${r.process?.output() ?? ''}`)
      .join('\n');
  }

  private replicasOf(service: ServiceName): readonly Replica[] {
    return this.replicas.get(service) ?? [];
  }

  /**
   * Starts the replica and waits until it is ready. Its port was free when chosen, but any process's outgoing
   * connection may take it before the replica listens (the same ephemeral range): then it starts again on another.
   */
  private async launch(service: ServiceName, index: number): Promise<void> {
    const replica = this.replicasOf(service)[index];
    if (!replica) throw new Error(`${service} has no replica ${index}`);
    for (let attempt = 1; ; attempt += 1) {
      if (replica.process) replica.earlier.push(replica.process);
      const process = startServiceProcess(service, 'main', this.env(service, index));
      replica.process = process;
      try {
        await waitUntilReady(process, 120_000);
        return;
      } catch (error) {
        if (attempt < 3 && process.output().includes('EADDRINUSE')) {
          replica.port = await freePort();
          this.balancers.get(service)?.balancer.moveBackend(index, replica.port);
          continue;
        }
        throw new Error(`${service} replica ${index} did not become ready: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  }

  private env(service: ServiceName, index: number): Record<string, string> {
    const e = this.environment;
    return {
      HTTP_PORT: String(this.replicasOf(service)[index]?.port),
      PG_URL: e.pgUrl,
      // N replicas of four services share the machine's Postgres (max_connections 100 by default): a pool of 6
      // (+1 for API keys) per replica keeps two replicas of each at 56 connections and three at 84.
      PG_POOL_SIZE: '6',
      REDIS_URL: e.redisUrl,
      REDIS_KEY_PREFIX: e.redisKeyPrefix,
      ...(e.redisClusterNodes ? { REDIS_CLUSTER_NODES: e.redisClusterNodes } : {}),
      KAFKA_BROKERS: e.kafkaBrokers,
      SMTP_URL: e.smtpUrl,
      CLOCK_MODE: 'event-time',
      CLOCK_START: e.clockStart,
      LOG_LEVEL: e.logLevel ?? 'warn',
      NODE_ENV: 'test',
      API_KEYS: [`admin:${hashApiKey(e.adminKey)}`, `storefront:${hashApiKey(e.storefrontKey)}`, ...Object.entries(this.serviceKeys).map(([scope, key]) => `${scope}:${hashApiKey(key)}`)].join(','),
      CODE_INVENTORY_URL: this.url('code-inventory'),
      // As deployed (#19): pricing only looks codes up, campaigns only issue them; neither holds the admin key.
      CODE_INVENTORY_API_KEY: service === 'pricing' ? this.serviceKeys['code-lookup'] : service === 'campaigns' ? this.serviceKeys['code-issue'] : '',
    };
  }
}
