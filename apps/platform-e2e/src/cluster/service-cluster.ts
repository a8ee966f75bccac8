import { hashApiKey } from '@promo/platform';
import { freePort, startServiceProcess, type ServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';

export const SERVICES = ['pricing', 'code-inventory', 'redemption-ledger', 'campaigns'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ClusterEnvironment {
  readonly pgUrl: string;
  readonly redisUrl: string;
  readonly redisKeyPrefix: string;
  readonly kafkaBrokers: string;
  readonly smtpUrl: string;
  /** Where each service's event-time clock starts (the first recorded timestamp). */
  readonly clockStart: string;
  readonly adminKey: string;
  readonly storefrontKey: string;
}

/** The four services as separate processes, as in production, with event-time clocks (a replay). */
export class ServiceCluster {
  private readonly processes = new Map<ServiceName, ServiceProcess>();

  private constructor(
    private readonly environment: ClusterEnvironment,
    private readonly ports: ReadonlyMap<ServiceName, number>,
  ) {}

  static async start(environment: ClusterEnvironment): Promise<ServiceCluster> {
    const ports = new Map<ServiceName, number>();
    for (const service of SERVICES) ports.set(service, await freePort());
    const cluster = new ServiceCluster(environment, ports);
    for (const service of SERVICES) {
      const migration = startServiceProcess(service, 'migrate', cluster.env(service));
      const exit = await migration.exited;
      if (exit.code !== 0) throw new Error(`${service} migrations failed:\n${migration.output().slice(-3_000)}`);
    }
    try {
      await Promise.all(SERVICES.map((service) => cluster.launch(service)));
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  url(service: ServiceName): string {
    return `http://127.0.0.1:${this.ports.get(service)}`;
  }

  /** SIGKILL, then start again (the chaos mode): the service must lose and duplicate nothing. */
  async killAndRestart(service: ServiceName): Promise<void> {
    const running = this.processes.get(service);
    if (running) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    await this.launch(service);
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.values()].map(async (p) => {
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
        await p.exited;
      }),
    );
  }

  output(service: ServiceName): string {
    return this.processes.get(service)?.output() ?? '';
  }

  private async launch(service: ServiceName): Promise<void> {
    const process = startServiceProcess(service, 'main', this.env(service));
    this.processes.set(service, process);
    try {
      await waitUntilReady(process, 90_000);
    } catch (error) {
      throw new Error(`${service} did not become ready: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  private env(service: ServiceName): Record<string, string> {
    const e = this.environment;
    return {
      HTTP_PORT: String(this.ports.get(service)),
      PG_URL: e.pgUrl,
      REDIS_URL: e.redisUrl,
      REDIS_KEY_PREFIX: e.redisKeyPrefix,
      KAFKA_BROKERS: e.kafkaBrokers,
      SMTP_URL: e.smtpUrl,
      CLOCK_MODE: 'event-time',
      CLOCK_START: e.clockStart,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      API_KEYS: `admin:${hashApiKey(e.adminKey)},storefront:${hashApiKey(e.storefrontKey)}`,
      CODE_INVENTORY_URL: this.url('code-inventory'),
      CODE_INVENTORY_API_KEY: e.adminKey,
    };
  }
}
