import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { waitFor } from '@promo/platform/testing';
import { freePort } from '@promo/service-runtime/testing';

const workspaceRoot = path.resolve(__dirname, '../../../..');

export interface E2eInfrastructure {
  readonly runId: string;
  readonly kafkaBrokers: string;
  readonly pgUrl: string;
  readonly redisUrl: string;
  readonly redisKeyPrefix: string;
  readonly smtpUrl: string;
  readonly maildevUrl: string;
  stop(): Promise<void>;
}

/**
 * A broker, database, key prefix and SMTP server of the replay's own, so the recorded topics hold
 * exactly the recorded records and the inbox exactly the replay's mail, whatever else runs beside it.
 */
export async function startE2eInfrastructure(env: Readonly<Record<string, string | undefined>>): Promise<E2eInfrastructure> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const kafkaPort = env['E2E_KAFKA_PORT'] ?? '19192';
  const brokerEnv = { ...process.env, KAFKA_PORT: kafkaPort, KAFKA_CONTROLLER_PORT: String(Number(kafkaPort) + 1) };
  // `up --fresh` wipes the broker on this port: never the one another replay is using.
  if (await answers(Number(kafkaPort))) {
    throw new Error(`a broker already answers on 127.0.0.1:${kafkaPort} (another replay running?): set E2E_KAFKA_PORT to a free port (it also takes the next one)`);
  }
  const broker = spawnSync(process.execPath, [path.join(workspaceRoot, 'tools/kafka/broker.mjs'), 'up', '--fresh'], { env: brokerEnv, encoding: 'utf8' });
  if (broker.status !== 0) throw new Error(`the replay's Kafka broker did not start:\n${broker.stdout}${broker.stderr}`);

  const basePgUrl = env['PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `promo_e2e_${runId}`;
  await adminQuery(basePgUrl, `CREATE DATABASE ${database}`);
  const pgUrl = withDatabase(basePgUrl, database);

  // Free ports of its own: a maildev left behind by a killed run can never add its mail to this one.
  const smtpPort = Number(env['E2E_SMTP_PORT'] ?? (await freePort()));
  const webPort = await freePort();
  const maildev = spawn(path.join(workspaceRoot, 'node_modules/.bin/maildev'), ['--smtp', String(smtpPort), '--web', String(webPort), '--ip', '127.0.0.1', '--silent'], {
    stdio: 'ignore',
  });
  const maildevUrl = `http://127.0.0.1:${webPort}`;
  const stopMaildevOnExit = () => maildev.kill('SIGTERM');
  process.once('exit', stopMaildevOnExit);
  await waitFor(async () => (await fetch(`${maildevUrl}/email`).catch(() => undefined))?.ok, { timeoutMs: 20_000, description: 'the replay maildev' });
  const inbox = (await (await fetch(`${maildevUrl}/email`)).json()) as unknown[];
  if (inbox.length > 0) throw new Error(`the replay's SMTP inbox at ${maildevUrl} is not empty (${inbox.length} messages): another maildev answers there`);

  return {
    runId,
    kafkaBrokers: `127.0.0.1:${kafkaPort}`,
    pgUrl,
    redisUrl: env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    redisKeyPrefix: `${env['REDIS_KEY_PREFIX'] ?? ''}e2e-${runId}:`,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    maildevUrl,
    stop: async () => {
      process.off('exit', stopMaildevOnExit);
      await stopChild(maildev);
      spawnSync(process.execPath, [path.join(workspaceRoot, 'tools/kafka/broker.mjs'), 'down'], { env: brokerEnv, encoding: 'utf8' });
      if (env['E2E_KEEP_DATABASE'] !== '1') await adminQuery(basePgUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
