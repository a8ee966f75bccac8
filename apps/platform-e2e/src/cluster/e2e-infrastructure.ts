import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { waitFor } from '@promo/platform/testing';
import { freePort } from '@promo/service-runtime/testing';
import { type E2eKafka, startE2eKafka } from './e2e-kafka';
import { type LocalRedisCluster, startLocalRedisCluster } from '@promo/platform/testing';

const workspaceRoot = path.resolve(__dirname, '../../../..');

export interface E2eInfrastructure {
  readonly runId: string;
  readonly kafkaBrokers: string;
  readonly pgUrl: string;
  readonly redisUrl: string;
  readonly redisKeyPrefix: string;
  /** `--redis-cluster`: the Redis Cluster the services use instead of redisUrl. */
  readonly redisCluster: LocalRedisCluster | undefined;
  /** The broker, or with `--kafka-nodes=N` the N, with what chaos does to them. */
  readonly kafka: E2eKafka;
  readonly smtpUrl: string;
  readonly maildevUrl: string;
  stop(): Promise<void>;
}

/**
 * A broker, database, key prefix and SMTP server of the replay's own, so the recorded topics hold
 * exactly the recorded records and the inbox exactly the replay's mail, whatever else runs beside it.
 */
export async function startE2eInfrastructure(env: Readonly<Record<string, string | undefined>>, options: { readonly kafkaNodes: number; readonly redisCluster: boolean }): Promise<E2eInfrastructure> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const kafkaPort = Number(env['E2E_KAFKA_PORT'] ?? '19192');
  // `up --fresh` wipes the broker on this port: never the one another replay is using.
  if (await answers(kafkaPort)) {
    throw new Error(`a broker already answers on 127.0.0.1:${kafkaPort} (another replay running?): set E2E_KAFKA_PORT to a free port (it also takes the next ${2 * options.kafkaNodes - 1})`);
  }
  // What has started so far, stopped again if a later step fails: a failed start must not leave a broker or an SMTP
  // server behind on its port (the next run on that port refused to start, and so would CI on the same machine).
  const undo: (() => Promise<unknown>)[] = [];
  try {
    const kafka = await startE2eKafka(kafkaPort, options.kafkaNodes);
    undo.push(() => kafka.stop());
    const redisClusterPort = Number(env['E2E_REDIS_CLUSTER_PORT'] ?? '17400');
    if (options.redisCluster && (await answers(redisClusterPort))) {
      throw new Error(`a Redis already answers on 127.0.0.1:${redisClusterPort} (another replay running?): set E2E_REDIS_CLUSTER_PORT to a free port (it also takes the next five, and each + 10000)`);
    }
    const redisCluster = options.redisCluster ? await startLocalRedisCluster(redisClusterPort) : undefined;
    if (redisCluster) undo.push(() => redisCluster.stop());

    const basePgUrl = env['PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const database = `promo_e2e_${runId}`;
    await adminQuery(basePgUrl, `CREATE DATABASE ${database}`);
    undo.push(() => adminQuery(basePgUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    const pgUrl = withDatabase(basePgUrl, database);

    // Free ports of its own: a maildev left behind by a killed run can never add its mail to this one.
    const smtpPort = Number(env['E2E_SMTP_PORT'] ?? (await freePort()));
    const webPort = await freePort();
    const maildev = spawn(path.join(workspaceRoot, 'node_modules/.bin/maildev'), ['--smtp', String(smtpPort), '--web', String(webPort), '--ip', '127.0.0.1', '--silent'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let maildevErrors = '';
    maildev.stderr?.on('data', (chunk: Buffer) => (maildevErrors = (maildevErrors + chunk.toString('utf8')).slice(-2_000)));
    const maildevUrl = `http://127.0.0.1:${webPort}`;
    const stopMaildevOnExit = () => maildev.kill('SIGTERM');
    process.once('exit', stopMaildevOnExit);
    undo.push(async () => {
      process.off('exit', stopMaildevOnExit);
      await stopChild(maildev);
    });
    // Generous: beside other suites' clusters on two cores it once took over 20 s to answer; an exit ends the wait at once.
    const exited = new Promise<never>((_resolve, reject) =>
      maildev.once('exit', (code, signal) => reject(new Error(`the replay maildev exited (${code ?? signal}) before answering: ${maildevErrors.trim()}`))),
    );
    exited.catch(() => undefined); // a later exit (the stop) is not an error
    await Promise.race([waitFor(async () => (await fetch(`${maildevUrl}/email`).catch(() => undefined))?.ok, { timeoutMs: 90_000, intervalMs: 250, description: 'the replay maildev' }), exited]);
    const inbox = (await (await fetch(`${maildevUrl}/email`)).json()) as unknown[];
    if (inbox.length > 0) throw new Error(`the replay's SMTP inbox at ${maildevUrl} is not empty (${inbox.length} messages): another maildev answers there`);

    return {
      runId,
      kafkaBrokers: kafka.brokers,
      kafka,
      redisCluster,
      pgUrl,
      redisUrl: env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      redisKeyPrefix: `${env['REDIS_KEY_PREFIX'] ?? ''}e2e-${runId}:`,
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      maildevUrl,
      stop: async () => {
        process.off('exit', stopMaildevOnExit);
        await stopChild(maildev);
        await kafka.stop();
        await redisCluster?.stop();
        if (env['E2E_KEEP_DATABASE'] !== '1') await adminQuery(basePgUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      },
    };
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw error;
  }
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
