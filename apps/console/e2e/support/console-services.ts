import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { hashApiKey } from '@promo/platform';
import { testInfra } from '@promo/platform/testing';
import { freePort, startServiceProcess, type ServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';

export const SERVICES = ['pricing', 'code-inventory', 'redemption-ledger', 'campaigns'] as const;
export type ServiceName = (typeof SERVICES)[number];

const workspaceRoot = path.resolve(__dirname, '../../../..');

export interface ConsoleServices {
  readonly adminKey: string;
  /** For carts a storefront prices, which pricing then remembers as recent carts. */
  readonly storefrontKey: string;
  readonly kafkaBrokers: string;
  /** The suite's own database (the four schemas), for preconditions the APIs do not show. */
  readonly pgUrl: string;
  url(service: ServiceName): string;
  output(service: ServiceName): string;
  stop(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  const client = new Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function runNode(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ readonly code: number | null; readonly output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/**
 * A Kafka broker of the suite's own: the services exchange events (pricing.promotion-changed, order.placed)
 * under their default topics and consumer groups, which on the shared broker other suites also use
 * (as platform-e2e does). `CONSOLE_E2E_KAFKA_BROKERS` reuses a running broker instead.
 */
async function startBroker(): Promise<{ readonly brokers: string; stop(): Promise<void> }> {
  const given = process.env['CONSOLE_E2E_KAFKA_BROKERS'];
  if (given) return { brokers: given, stop: async () => undefined };
  const port = process.env['CONSOLE_E2E_KAFKA_PORT'] ?? '19592';
  const env = { ...process.env, KAFKA_PORT: port, KAFKA_CONTROLLER_PORT: String(Number(port) + 1) };
  const script = path.join(workspaceRoot, 'tools/kafka/broker.mjs');
  const up = await runNode([script, 'up', '--fresh'], env);
  if (up.code !== 0) throw new Error(`the console suite's Kafka broker did not start:\n${up.output}`);
  return { brokers: `127.0.0.1:${port}`, stop: async () => void (await runNode([script, 'down'], env)) };
}

/** The four services as processes (migrations first), on a database and Redis prefix of this suite's own. */
export async function startConsoleServices(): Promise<ConsoleServices> {
  const infra = testInfra();
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = `promo_console_${runId}`;
  const [, broker] = await Promise.all([adminQuery(infra.pgUrl, `CREATE DATABASE ${database}`), startBroker()]);
  const pgUrl = new URL(infra.pgUrl);
  pgUrl.pathname = `/${database}`;
  const adminKey = `console-admin-${randomBytes(12).toString('hex')}`;
  const storefrontKey = `console-storefront-${randomBytes(12).toString('hex')}`;
  const codeLookupKey = `console-code-lookup-${randomBytes(12).toString('hex')}`;
  const codeIssueKey = `console-code-issue-${randomBytes(12).toString('hex')}`;
  const ports = new Map<ServiceName, number>();
  for (const service of SERVICES) ports.set(service, await freePort());
  const url = (service: ServiceName) => `http://127.0.0.1:${ports.get(service)}`;
  const env = (service: ServiceName): Record<string, string> => ({
    HTTP_PORT: String(ports.get(service)),
    PG_URL: pgUrl.toString(),
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}console-${runId}:`,
    KAFKA_BROKERS: broker.brokers,
    SMTP_URL: infra.smtpUrl ?? 'smtp://127.0.0.1:1025',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    API_KEYS: `admin:${hashApiKey(adminKey)},storefront:${hashApiKey(storefrontKey)},code-lookup:${hashApiKey(codeLookupKey)},code-issue:${hashApiKey(codeIssueKey)}`,
    CODE_INVENTORY_URL: url('code-inventory'),
    // As deployed (#19): pricing only looks codes up, campaigns only issue them.
    CODE_INVENTORY_API_KEY: service === 'pricing' ? codeLookupKey : service === 'campaigns' ? codeIssueKey : '',
  });

  const processes = new Map<ServiceName, ServiceProcess>();
  const stop = async () => {
    await Promise.all(
      [...processes.values()].map(async (p) => {
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
        await p.exited;
      }),
    );
    await broker.stop();
    await adminQuery(infra.pgUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  };
  try {
    const migrate = async (service: ServiceName) => {
      const migration = startServiceProcess(service, 'migrate', env(service));
      const exit = await migration.exited;
      if (exit.code !== 0) throw new Error(`${service} migrations failed:\n${migration.output().slice(-3_000)}`);
    };
    // Pricing first creates the schemas every app shares (platform.api_keys); then the other three at once.
    await migrate('pricing');
    await Promise.all(SERVICES.filter((service) => service !== 'pricing').map(migrate));
    await Promise.all(
      SERVICES.map(async (service) => {
        const child = startServiceProcess(service, 'main', env(service));
        processes.set(service, child);
        await waitUntilReady(child, 120_000);
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { adminKey, storefrontKey, kafkaBrokers: broker.brokers, pgUrl: pgUrl.toString(), url, output: (service) => processes.get(service)?.output() ?? '', stop };
}
